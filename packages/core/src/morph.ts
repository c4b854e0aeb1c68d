/**
 * German verb inflection, generated rather than listed: `verbForms('um|tauschen')` yields every finite form,
 * the infinitive, zu-infinitive and participle, split into forms that stand alone ("umgetauscht",
 * "umzutauschen", "umtauschen") and finite forms that need the separated particle later in the clause
 * ("tauschen … um", "tauschte … um").
 *
 * Separable prefixes are written with `|` (`weiter|leiten`, `zurück|nehmen`); inseparable prefixes
 * (be-, emp-, ent-, er-, ge-, miss-, ver-, zer-) are detected. Strong and mixed verbs come from the table
 * below (principal parts); everything else is conjugated as a weak verb. The output is folded (ß→ss, ä→ae).
 */
import { fold } from './normalize.ts';

/** inf: "du-present er-present | past (1sg) | participle | Konjunktiv II (1sg)"; "-" = regular present. */
const STRONG: Record<string, string> = {
  sein: 'bist ist|war|gewesen|wäre',
  haben: 'hast hat|hatte|gehabt|hätte',
  werden: 'wirst wird|wurde|geworden|würde',
  tun: 'tust tut|tat|getan|täte',
  wissen: 'weißt weiß|wusste|gewusst|wüsste',
  können: 'kannst kann|konnte|gekonnt|könnte',
  müssen: 'musst muss|musste|gemusst|müsste',
  dürfen: 'darfst darf|durfte|gedurft|dürfte',
  wollen: 'willst will|wollte|gewollt|wollte',
  sollen: '-|sollte|gesollt|sollte',
  mögen: 'magst mag|mochte|gemocht|möchte',
  bieten: '-|bot|geboten|böte',
  bitten: '-|bat|gebeten|bäte',
  bleiben: '-|blieb|geblieben|bliebe',
  brechen: 'brichst bricht|brach|gebrochen|bräche',
  bringen: '-|brachte|gebracht|brächte',
  denken: '-|dachte|gedacht|dächte',
  empfehlen: 'empfiehlst empfiehlt|empfahl|empfohlen|empföhle',
  essen: 'isst isst|aß|gegessen|äße',
  fahren: 'fährst fährt|fuhr|gefahren|führe',
  fallen: 'fällst fällt|fiel|gefallen|fiele',
  fangen: 'fängst fängt|fing|gefangen|finge',
  finden: '-|fand|gefunden|fände',
  geben: 'gibst gibt|gab|gegeben|gäbe',
  gehen: '-|ging|gegangen|ginge',
  gelten: 'giltst gilt|galt|gegolten|gälte',
  halten: 'hältst hält|hielt|gehalten|hielte',
  hängen: '-|hing|gehangen|hinge',
  heben: '-|hob|gehoben|höbe',
  heißen: '-|hieß|geheißen|hieße',
  helfen: 'hilfst hilft|half|geholfen|hülfe',
  kennen: '-|kannte|gekannt|kennte',
  kommen: '-|kam|gekommen|käme',
  laden: 'lädst lädt|lud|geladen|lüde',
  lassen: 'lässt lässt|ließ|gelassen|ließe',
  laufen: 'läufst läuft|lief|gelaufen|liefe',
  leiden: '-|litt|gelitten|litte',
  lesen: 'liest liest|las|gelesen|läse',
  liegen: '-|lag|gelegen|läge',
  nehmen: 'nimmst nimmt|nahm|genommen|nähme',
  nennen: '-|nannte|genannt|nennte',
  raten: 'rätst rät|riet|geraten|riete',
  rufen: '-|rief|gerufen|riefe',
  scheiden: '-|schied|geschieden|schiede',
  scheinen: '-|schien|geschienen|schiene',
  schieben: '-|schob|geschoben|schöbe',
  schlagen: 'schlägst schlägt|schlug|geschlagen|schlüge',
  schließen: '-|schloss|geschlossen|schlösse',
  schreiben: '-|schrieb|geschrieben|schriebe',
  sehen: 'siehst sieht|sah|gesehen|sähe',
  senden: '-|sandte|gesandt|sendete',
  sitzen: '-|saß|gesessen|säße',
  sprechen: 'sprichst spricht|sprach|gesprochen|spräche',
  stehen: '-|stand|gestanden|stünde',
  steigen: '-|stieg|gestiegen|stiege',
  sterben: 'stirbst stirbt|starb|gestorben|stürbe',
  streiten: '-|stritt|gestritten|stritte',
  tragen: 'trägst trägt|trug|getragen|trüge',
  treffen: 'triffst trifft|traf|getroffen|träfe',
  treten: 'trittst tritt|trat|getreten|träte',
  verlieren: '-|verlor|verloren|verlöre',
  verstehen: '-|verstand|verstanden|verstünde',
  wachsen: 'wächst wächst|wuchs|gewachsen|wüchse',
  waschen: 'wäschst wäscht|wusch|gewaschen|wüsche',
  weisen: '-|wies|gewiesen|wiese',
  wenden: '-|wandte|gewandt|wendete',
  werfen: 'wirfst wirft|warf|geworfen|würfe',
  ziehen: '-|zog|gezogen|zöge',
  zwingen: '-|zwang|gezwungen|zwänge',
  schweigen: '-|schwieg|geschwiegen|schwiege',
  greifen: '-|griff|gegriffen|griffe',
  leihen: '-|lieh|geliehen|liehe',
  meiden: '-|mied|gemieden|miede',
  schneiden: '-|schnitt|geschnitten|schnitte',
  stoßen: 'stößt stößt|stieß|gestoßen|stieße',
};

const STRONG_F = new Map(Object.entries(STRONG).map(([k, v]) => [fold(k), fold(v)]));

/** Mixed verbs also have weak forms in use ("wendete", "gewendet", "sendete", "gesendet"). */
const ALSO_WEAK = new Set(['wenden', 'senden']);
const MODAL_LIKE = new Set(['koennen', 'muessen', 'duerfen', 'wollen', 'moegen', 'wissen']);

const INSEPARABLE = ['miss', 'emp', 'ent', 'zer', 'ver', 'be', 'er', 'ge', 'hinter', 'wider'];

export interface VerbForms {
  lemma: string;
  /** Folded forms that stand alone (including combined separable forms). */
  forms: Set<string>;
  /** Folded finite forms of a separable verb's base: they count only with `particle` later in the clause. */
  splitForms: Set<string>;
  /** Folded separable particle ('' when none). */
  particle: string;
}

function weakStem(inf: string): string {
  if (inf.endsWith('en')) return inf.slice(0, -2);
  if (inf.endsWith('n')) return inf.slice(0, -1);
  return inf;
}

/**
 * Does the stem take an -e- before -st/-t ("wartet", "atmet", "rechnet", "öffnet")? After d/t, and after m/n that
 * follow a consonant — except l, r, a double m/n and a vowel + h: "filmt", "lernt", "stimmt", "nennt", "wohnt".
 */
function needsE(stem: string): boolean {
  return /(?:[dt]|(?:[^aeiouyäöülrhmn]|[^aeiouyäöü]h)[mn])$/.test(stem);
}

function weak(inf: string, participle: boolean): string[] {
  const s = weakStem(inf);
  const e = needsE(s) ? 'e' : '';
  const sib = /(?:[szx]|ss)$/.test(s);
  const out = [
    inf, s + 'e', s + e + (sib ? 't' : 'st'), s + e + 't', s,
    s + e + 'te', s + e + 'test', s + e + 'ten', s + e + 'tet',
    s + 'est', s + 'et',
  ];
  if (/[el]$/.test(s) && inf.endsWith('ln')) out.push(s.slice(0, -2) + 'le'); // handeln → handle
  if (participle) out.push(inf.endsWith('ieren') ? s + 't' : 'ge' + s + e + 't');
  return out;
}

function strong(inf: string, entry: string): string[] {
  const [pres, past, part, k2] = entry.split('|') as [string, string, string, string];
  const s = weakStem(inf);
  const out = [inf, s + 'e', s + 't', s + 'et', s, s + 'est', part];
  const e = needsE(s) ? 'e' : '';
  if (pres === '-') {
    out.push(s + e + (/(?:[szx]|ss)$/.test(s) ? 't' : 'st'), s + e + 't');
  } else {
    const [du, er] = pres.split(' ') as [string, string];
    out.push(du, er, s + e + 't');
    if (/i/.test(du) && /e/.test(s) && inf !== 'werden') out.push(du.replace(/s?t$/, '')); // imperative nimm, gib, sieh ("wirst" → "werde", not "wir")
    if (MODAL_LIKE.has(inf)) out.push(er);
  }
  if (inf === 'sein') out.push('bin', 'sind', 'seid', 'sei', 'seien', 'seiest', 'seist', 'seiet');
  if (inf === 'haben') out.push('habe', 'hast', 'hat', 'haben', 'habt');
  if (inf === 'werden') out.push('werde', 'wirst', 'wird', 'werden', 'werdet', 'worden');
  if (inf === 'tun') out.push('tue', 'tut', 'tust', 'tun');
  if (past.endsWith('te')) {
    const p = past.slice(0, -1);
    out.push(past, p + 'est', p + 'en', p + 'et');
  } else {
    const pe = /[stdß]$/.test(past) ? 'e' : '';
    out.push(past, past + pe + 'st', past + 'en', past + pe + 't');
  }
  const k = k2.endsWith('e') ? k2.slice(0, -1) : k2;
  out.push(k + 'e', k + 'est', k + 'en', k + 'et', k + 'st', k + 't');
  return out;
}

function conjugate(verb: string): { finite: string[]; participle: string[]; infinitive: string } {
  let prefix = '';
  let core = verb;
  if (!STRONG_F.has(verb)) {
    for (const p of INSEPARABLE) {
      if (verb.startsWith(p) && verb.length - p.length >= 4) {
        const rest = verb.slice(p.length);
        if (STRONG_F.has(rest) || !/^[aeiouäöü]?[^aeiouäöü]?en$/.test(rest)) { prefix = p; core = rest; break; }
      }
    }
  }
  const entry = STRONG_F.get(core);
  let forms = entry ? strong(core, entry) : weak(core, true);
  if (entry && ALSO_WEAK.has(core)) forms = forms.concat(weak(core, true));
  const isPart = (f: string): boolean => f.startsWith('ge') && !core.startsWith('ge') && f !== core;
  const participle: string[] = [];
  const finite: string[] = [];
  for (const f of forms) {
    if (isPart(f) || (core.endsWith('ieren') && f === weakStem(core) + 't')) {
      participle.push(prefix ? prefix + f.slice(2) : f);
      if (core.endsWith('ieren')) finite.push(prefix + f);
    } else finite.push(prefix + f);
  }
  return { finite, participle, infinitive: prefix + core };
}

const cache = new Map<string, VerbForms>();

/** Forms as data: lemma → [forms, split forms, particle]. */
export type VerbFormTable = Record<string, readonly [readonly string[], readonly string[], string]>;
const preloaded = new Map<string, VerbFormTable[string]>();

/**
 * Forms computed at build time (scripts/build.ts writes the table for every lemma of the phrase data): a cold
 * start then reads arrays instead of conjugating ≈ 570 lemmas (≈ 7 ms of the first lint). The build computes the
 * table with conjugateLemma, and a test checks that it still agrees.
 */
export function preloadVerbForms(table: VerbFormTable): void {
  for (const lemma of Object.keys(table)) preloaded.set(lemma, table[lemma]!);
}

/** All forms of a verb lemma. Separable prefix marked with `|`: `an|bieten`, `zurück|nehmen`. */
export function verbForms(lemma: string): VerbForms {
  const hit = cache.get(lemma);
  if (hit) return hit;
  const pre = preloaded.get(lemma);
  const result: VerbForms = pre ? { lemma, forms: new Set(pre[0]), splitForms: new Set(pre[1]), particle: pre[2] } : conjugateLemma(lemma);
  cache.set(lemma, result);
  return result;
}

/** The forms of a lemma, computed (uncached). */
export function conjugateLemma(lemma: string): VerbForms {
  const bar = lemma.indexOf('|');
  const particle = fold(bar >= 0 ? lemma.slice(0, bar) : '');
  const verb = fold(bar >= 0 ? lemma.slice(bar + 1) : lemma);
  const { finite, participle, infinitive } = conjugate(verb);
  const forms = new Set<string>();
  const splitForms = new Set<string>();
  if (particle) {
    for (const f of finite) { splitForms.add(fold(f)); forms.add(fold(particle + f)); }
    for (const p of participle) forms.add(fold(particle + p));
    forms.add(fold(particle + 'zu' + infinitive));
  } else {
    for (const f of finite) forms.add(fold(f));
    for (const p of participle) forms.add(fold(p));
  }
  return { lemma, forms, splitForms, particle: fold(particle) };
}
