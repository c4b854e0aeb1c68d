export function decodeNamedCharacterReference(value: string): string | false;
