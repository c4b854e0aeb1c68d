/**
 * German verb inflection, generated rather than listed: `verbForms('um|tauschen')` yields every finite form,
 * the infinitive, zu-infinitive and participle, split into forms that stand alone ("umgetauscht",
 * "umzutauschen", "umtauschen") and finite forms that need the separated particle later in the clause
 * ("tauschen … um", "tauschte … um").
 *
 * Separable prefixes are written with `|` (`weiter|leiten`, `zurück|nehmen`). Without `|`, a verb is read this way:
 * - inseparable prefixes (be-, emp-, ent-, er-, ge-, miss-, ver-, zer-, and über-, unter-, wider-, durch-, um-,
 *   hinter-, voll-, which are inseparable when not marked with `|`) are detected: no ge- in the participle
 *   ("übernommen", "unterschrieben", "durchsucht", "hinterlegt"), the base verb's strong forms ("übernimmt",
 *   "übernahm");
 * - a leading separable particle (an-, auf-, aus-, ein-, nach-, zu-, zurück- …) in front of a known or plausible
 *   verb gives the contiguous forms only: `<einhalten>` → "einhalten", "einhält", "einhielt", "eingehalten",
 *   "einzuhalten" (no "halten … ein": write `<ein|halten>` for that).
 * Strong and mixed verbs come from the table below (principal parts); everything else is conjugated as a weak
 * verb. The output is folded (ß→ss, ä→ae).
 */
import { fold } from './normalize.ts';

/**
 * inf: "du-present er-present | past (1sg) | participle | Konjunktiv II (1sg)"; "-" = regular present (with the
 * stem vowel of the infinitive). Base verbs: prefixed verbs are derived ("übernehmen" from "nehmen", "verbinden"
 * from "binden"); only verbs whose prefix is no longer a prefix of a listed base are listed themselves.
 */
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
  // mixed verbs (weak endings, changed stem)
  brennen: '-|brannte|gebrannt|brennte',
  bringen: '-|brachte|gebracht|brächte',
  denken: '-|dachte|gedacht|dächte',
  kennen: '-|kannte|gekannt|kennte',
  nennen: '-|nannte|genannt|nennte',
  rennen: '-|rannte|gerannt|rennte',
  senden: '-|sandte|gesandt|sendete',
  wenden: '-|wandte|gewandt|wendete',
  // strong verbs
  befehlen: 'befiehlst befiehlt|befahl|befohlen|beföhle',
  beginnen: '-|begann|begonnen|begänne',
  beißen: '-|biss|gebissen|bisse',
  bergen: 'birgst birgt|barg|geborgen|bärge',
  bieten: '-|bot|geboten|böte',
  biegen: '-|bog|gebogen|böge',
  binden: '-|band|gebunden|bände',
  bitten: '-|bat|gebeten|bäte',
  blasen: 'bläst bläst|blies|geblasen|bliese',
  bleiben: '-|blieb|geblieben|bliebe',
  braten: 'brätst brät|briet|gebraten|briete',
  brechen: 'brichst bricht|brach|gebrochen|bräche',
  dringen: '-|drang|gedrungen|dränge',
  empfehlen: 'empfiehlst empfiehlt|empfahl|empfohlen|empföhle',
  essen: 'isst isst|aß|gegessen|äße',
  fahren: 'fährst fährt|fuhr|gefahren|führe',
  fallen: 'fällst fällt|fiel|gefallen|fiele',
  fangen: 'fängst fängt|fing|gefangen|finge',
  finden: '-|fand|gefunden|fände',
  fliegen: '-|flog|geflogen|flöge',
  fliehen: '-|floh|geflohen|flöhe',
  fließen: '-|floss|geflossen|flösse',
  fressen: 'frisst frisst|fraß|gefressen|fräße',
  frieren: '-|fror|gefroren|fröre',
  geben: 'gibst gibt|gab|gegeben|gäbe',
  gehen: '-|ging|gegangen|ginge',
  gelingen: '-|gelang|gelungen|gelänge',
  gelten: 'giltst gilt|galt|gegolten|gälte',
  genießen: '-|genoss|genossen|genösse',
  geschehen: 'geschiehst geschieht|geschah|geschehen|geschähe',
  gewinnen: '-|gewann|gewonnen|gewänne',
  gießen: '-|goss|gegossen|gösse',
  gleichen: '-|glich|geglichen|gliche',
  graben: 'gräbst gräbt|grub|gegraben|grübe',
  greifen: '-|griff|gegriffen|griffe',
  halten: 'hältst hält|hielt|gehalten|hielte',
  hängen: '-|hing|gehangen|hinge',
  heben: '-|hob|gehoben|höbe',
  heißen: '-|hieß|geheißen|hieße',
  helfen: 'hilfst hilft|half|geholfen|hülfe',
  klingen: '-|klang|geklungen|klänge',
  kommen: '-|kam|gekommen|käme',
  laden: 'lädst lädt|lud|geladen|lüde',
  lassen: 'lässt lässt|ließ|gelassen|ließe',
  laufen: 'läufst läuft|lief|gelaufen|liefe',
  leiden: '-|litt|gelitten|litte',
  leihen: '-|lieh|geliehen|liehe',
  lesen: 'liest liest|las|gelesen|läse',
  liegen: '-|lag|gelegen|läge',
  lügen: '-|log|gelogen|löge',
  meiden: '-|mied|gemieden|miede',
  messen: 'misst misst|maß|gemessen|mäße',
  nehmen: 'nimmst nimmt|nahm|genommen|nähme',
  pfeifen: '-|pfiff|gepfiffen|pfiffe',
  preisen: '-|pries|gepriesen|priese',
  raten: 'rätst rät|riet|geraten|riete',
  reiben: '-|rieb|gerieben|riebe',
  reißen: '-|riss|gerissen|risse',
  riechen: '-|roch|gerochen|röche',
  ringen: '-|rang|gerungen|ränge',
  rufen: '-|rief|gerufen|riefe',
  scheiden: '-|schied|geschieden|schiede',
  scheinen: '-|schien|geschienen|schiene',
  schieben: '-|schob|geschoben|schöbe',
  schießen: '-|schoss|geschossen|schösse',
  schlafen: 'schläfst schläft|schlief|geschlafen|schliefe',
  schlagen: 'schlägst schlägt|schlug|geschlagen|schlüge',
  schließen: '-|schloss|geschlossen|schlösse',
  schmeißen: '-|schmiss|geschmissen|schmisse',
  schneiden: '-|schnitt|geschnitten|schnitte',
  schreiben: '-|schrieb|geschrieben|schriebe',
  schreien: '-|schrie|geschrien|schriee',
  schreiten: '-|schritt|geschritten|schritte',
  schweigen: '-|schwieg|geschwiegen|schwiege',
  schwimmen: '-|schwamm|geschwommen|schwömme',
  schwinden: '-|schwand|geschwunden|schwände',
  schwingen: '-|schwang|geschwungen|schwänge',
  schwören: '-|schwor|geschworen|schwüre',
  sehen: 'siehst sieht|sah|gesehen|sähe',
  singen: '-|sang|gesungen|sänge',
  sinken: '-|sank|gesunken|sänke',
  sinnen: '-|sann|gesonnen|sänne',
  sitzen: '-|saß|gesessen|säße',
  sprechen: 'sprichst spricht|sprach|gesprochen|spräche',
  springen: '-|sprang|gesprungen|spränge',
  stechen: 'stichst sticht|stach|gestochen|stäche',
  stehen: '-|stand|gestanden|stünde',
  stehlen: 'stiehlst stiehlt|stahl|gestohlen|stähle',
  steigen: '-|stieg|gestiegen|stiege',
  sterben: 'stirbst stirbt|starb|gestorben|stürbe',
  stoßen: 'stößt stößt|stieß|gestoßen|stieße',
  streichen: '-|strich|gestrichen|striche',
  streiten: '-|stritt|gestritten|stritte',
  tragen: 'trägst trägt|trug|getragen|trüge',
  treffen: 'triffst trifft|traf|getroffen|träfe',
  treiben: '-|trieb|getrieben|triebe',
  treten: 'trittst tritt|trat|getreten|träte',
  trinken: '-|trank|getrunken|tränke',
  trügen: '-|trog|getrogen|tröge',
  verderben: 'verdirbst verdirbt|verdarb|verdorben|verdürbe',
  vergessen: 'vergisst vergisst|vergaß|vergessen|vergäße',
  verlieren: '-|verlor|verloren|verlöre',
  verzeihen: '-|verzieh|verziehen|verziehe',
  wachsen: 'wächst wächst|wuchs|gewachsen|wüchse',
  waschen: 'wäschst wäscht|wusch|gewaschen|wüsche',
  weichen: '-|wich|gewichen|wiche',
  weisen: '-|wies|gewiesen|wiese',
  werben: 'wirbst wirbt|warb|geworben|würbe',
  werfen: 'wirfst wirft|warf|geworfen|würfe',
  wiegen: '-|wog|gewogen|wöge',
  winden: '-|wand|gewunden|wände',
  ziehen: '-|zog|gezogen|zöge',
  zwingen: '-|zwang|gezwungen|zwänge',
};

const STRONG_F = new Map(Object.entries(STRONG).map(([k, v]) => [fold(k), fold(v)]));

/** Listed verbs whose participle has no ge- (their first syllable is an old inseparable prefix). */
const NO_GE = new Set(['befehlen', 'beginnen', 'empfehlen', 'gelingen', 'geniessen', 'geschehen', 'gewinnen', 'verderben', 'vergessen', 'verlieren', 'verzeihen']);
/** Mixed or strong verbs that also have weak forms in use ("wendete", "gesendet", "hat … angehängt"). */
const ALSO_WEAK = new Set(['wenden', 'senden', 'haengen']);
const MODAL_LIKE = new Set(['koennen', 'muessen', 'duerfen', 'wollen', 'moegen', 'wissen']);

/** Prefixes that are inseparable in a lemma without `|` (über-, unter-, um- … are separable only when marked). */
const INSEPARABLE = ['hinter', 'wider', 'unter', 'ueber', 'durch', 'voll', 'miss', 'emp', 'ent', 'zer', 'ver', 'um', 'be', 'er', 'ge'];
/** Separable particles recognised in front of an unmarked lemma ("einhalten", "zustellen", "nachvollziehen"). */
const SEPARABLE = ('ab an auf aus bei dar ein entgegen fest fort frei gut her herab heran herauf heraus herbei herein herum ' +
  'herunter hervor hin hinauf hinaus hinein hinzu hoch los mit nach statt teil vor voran voraus vorbei weg weiter wahr wieder ' +
  'wiederher zu zurecht zurueck zusammen').split(' ');
const PREFIXES = [...INSEPARABLE.map((p) => [p, true] as const), ...SEPARABLE.map((p) => [p, false] as const)]
  .sort((a, b) => b[0].length - a[0].length);
/**
 * Verbs whose first letters only look like a prefix, or whose prefix is not the one the longest match finds:
 * verb → its prefix ('' = none). Weak verbs that look like prefix + strong verb are in WEAK_VERBS.
 */
const PREFIX_OF: Record<string, string> = {
  antworten: '', beichten: '', herrschen: '', mitteln: '', zuckern: '', ernten: '', bellen: '', betteln: '', gerben: '',
  beinhalten: 'be', beerdigen: 'be', wiederholen: 'wieder',
};
const WEAK_VERBS = new Set(['erweichen', 'bereiten', 'begleiten', 'verschaffen', 'beschaffen', 'bewegen', 'bedingen']);

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

/** The forms of a verb without prefix: finite forms (with the infinitive) and participles (with ge- where due). */
interface Simple { finite: string[]; participles: Array<{ stem: string; ge: boolean }> }

function weak(inf: string): Simple {
  const s = weakStem(inf);
  const e = needsE(s) ? 'e' : '';
  const sib = /(?:[szx]|ss)$/.test(s);
  const finite = [
    inf, s + 'e', s + e + (sib ? 't' : 'st'), s + e + 't', s,
    s + e + 'te', s + e + 'test', s + e + 'ten', s + e + 'tet',
    s + 'est', s + 'et',
  ];
  if (/[el]$/.test(s) && inf.endsWith('ln')) finite.push(s.slice(0, -2) + 'le'); // handeln → handle
  const ieren = inf.endsWith('ieren');
  return { finite, participles: [{ stem: s + (ieren ? '' : e) + 't', ge: !ieren }] };
}

function strong(inf: string, entry: string): Simple {
  const [pres, past, part, k2] = entry.split('|') as [string, string, string, string];
  const s = weakStem(inf);
  const out = [inf, s + 'e', s + 'et', s, s + 'est'];
  const e = needsE(s) ? 'e' : '';
  const sib = /(?:[szx]|ss)$/.test(s);
  if (pres === '-') {
    out.push(s + e + (sib ? 't' : 'st'), s + e + 't');
  } else {
    const [du, er] = pres.split(' ') as [string, string];
    out.push(du, er, s + e + 't');
    // imperative with e → i(e): nimm, gib, sieh, hilf; lies, iss, miss ("wirst" → "werde", not "wir")
    if (/i/.test(du) && /e/.test(s) && inf !== 'werden') out.push(sib ? du.slice(0, -1) : du.replace(/s?t$/, ''));
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
    const pe = /(?:[stdß]|ss)$/.test(past) ? 'e' : '';
    out.push(past, past + pe + 'st', past + 'en', past + pe + 't');
  }
  const k = k2.endsWith('e') ? k2.slice(0, -1) : k2;
  out.push(k + 'e', k + 'est', k + 'en', k + 'et');
  // contracted 2nd person: wärst, wärt, kämst, gäbst (not "hieltst", "mäßst"); no contracted plural "kämt", "führt"
  // for fahren, which would be read as führen's "führt"
  if (!needsE(k) && !/(?:[szxß]|ss)$/.test(k)) out.push(k + 'st');
  if (inf === 'sein') out.push('waert');
  const ge = part.startsWith('ge') && !NO_GE.has(inf);
  return { finite: out, participles: [{ stem: ge ? part.slice(2) : part, ge }] };
}

function simple(core: string, forceWeak: boolean): Simple {
  const entry = forceWeak ? undefined : STRONG_F.get(core);
  if (!entry) return weak(core);
  const s = strong(core, entry);
  if (!ALSO_WEAK.has(core)) return s;
  const w = weak(core);
  return { finite: s.finite.concat(w.finite), participles: s.participles.concat(w.participles) };
}

/** Does `rest` (after an inseparable prefix) look like a verb of its own? Not "beten" (be+ten), "erben". */
function insepRest(rest: string): boolean {
  return rest.length >= 4 && (STRONG_F.has(rest) || !/^[aeiouäöü]?[^aeiouäöü]?en$/.test(rest));
}

/** Does `rest` (after a separable particle) look like a verb: listed, inseparably prefixed, or a consonant + ≥ 4 letters? */
function sepRest(rest: string): boolean {
  if (STRONG_F.has(rest)) return true;
  const [p] = splitPrefix(rest, true);
  if (p) return true;
  return rest.length >= 5 && /^[^aeiouäöü]/.test(rest) && /(?:[^e]en|[elr]n)$/.test(rest);
}

/**
 * The leading prefix of an unmarked lemma: [prefix, separable?, rest]. `insepOnly`: look for inseparable prefixes only
 * (inside a separable verb: "zurück|überweisen", "an|erkennen").
 */
function splitPrefix(verb: string, insepOnly = false): [string, boolean, string] {
  const fixed = PREFIX_OF[verb];
  if (fixed !== undefined) return [fixed, false, verb.slice(fixed.length)];
  if (STRONG_F.has(verb)) return ['', false, verb];
  for (const [p, insep] of PREFIXES) {
    if (insepOnly && !insep) continue;
    if (!verb.startsWith(p)) continue;
    const rest = verb.slice(p.length);
    if (insep ? insepRest(rest) : !insepOnly && sepRest(rest)) return [p, !insep, rest];
  }
  return ['', false, verb];
}

/**
 * Forms of a verb without separable particle (it may have an inseparable prefix): finite forms, participles and
 * the infinitive.
 */
function conjugate(verb: string): { finite: string[]; participle: string[]; infinitive: string } {
  const [prefix, , core] = splitPrefix(verb, true);
  const { finite, participles } = simple(core, WEAK_VERBS.has(verb));
  return {
    finite: finite.map((f) => prefix + f),
    participle: participles.map(({ stem, ge }) => prefix ? prefix + stem : (ge ? 'ge' : '') + stem),
    infinitive: verb,
  };
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
  let particle = fold(bar >= 0 ? lemma.slice(0, bar) : '');
  let verb = fold(bar >= 0 ? lemma.slice(bar + 1) : lemma);
  // an unmarked separable verb ("einhalten"): its contiguous forms only, as if the particle were part of the stem
  let joined = '';
  if (!particle) {
    const [p, sep, rest] = splitPrefix(verb);
    if (sep) { joined = p; verb = rest; }
  }
  const { finite, participle, infinitive } = conjugate(verb);
  const forms = new Set<string>();
  const splitForms = new Set<string>();
  if (particle) {
    for (const f of finite) { splitForms.add(f); forms.add(particle + f); }
    for (const p of participle) forms.add(particle + p);
    forms.add(particle + 'zu' + infinitive);
  } else if (joined) {
    for (const f of finite) forms.add(joined + f);
    for (const p of participle) forms.add(joined + p);
    forms.add(joined + 'zu' + infinitive);
  } else {
    for (const f of finite) forms.add(f);
    for (const p of participle) forms.add(p);
  }
  particle = fold(particle);
  return { lemma, forms, splitForms, particle };
}
