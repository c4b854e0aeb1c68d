/**
 * Closed word classes of German, folded (lower case, ß→ss, ä→ae …). Shared by the pattern language (`@NEG`,
 * `@DET` …) and by the discourse helpers.
 */
const set = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

export const SUBORDINATORS = set(`
  weil da dass daß wenn falls ob sofern soweit obwohl obgleich damit bevor nachdem sobald solange waehrend indem
  als wie wo wohin woher warum weshalb wieso sodass seit seitdem bis ehe insofern inwiefern je zumal
  der die das dem den denen dessen deren welcher welche welches welchem welchen was wer wem wen
`);

export const NEGATIONS = set(`nicht kein keine keinen keinem keiner keines nie niemals nichts keinesfalls keineswegs nirgends niemand niemandem niemanden`);

export const DETERMINERS = set(`der die das den dem des ein eine einen einem einer eines diese dieser diesen diesem dieses jene jener jenen jenem`);

/** Possessives and pronouns addressing the customer formally (folded, so "Ihr" = "ihr"). */
export const FORMAL_ADDRESS = set(`sie ihnen ihr ihre ihren ihrem ihrer ihres`);
export const INFORMAL_ADDRESS = set(`du dich dir dein deine deinen deinem deiner deines euch euer eure euren eurem eurer`);

export const MODALS = set(`
  koennen kann kannst koennt konnte konntest konnten konntet koennte koenntest koennten koenntet
  muessen muss musst muesst musste musstest mussten musstet muesste muessten
  duerfen darf darfst duerft durfte durften duerfte duerften
  wollen will willst wollt wollte wollten
  sollen soll sollst sollt sollte sollten
  moegen mag magst moechte moechten moechtest
`);

/** Particles and adverbs that soften or hedge a statement. */
export const SOFTENERS = set(`leider bedauerlicherweise ausnahmsweise`);

export const PERSONAL_PRONOUNS = set(`ich wir man es er sie du ihr`);

export const CLASSES: Record<string, Set<string>> = {
  NEG: NEGATIONS,
  DET: DETERMINERS,
  FORMAL: FORMAL_ADDRESS,
  INFORMAL: INFORMAL_ADDRESS,
  MODAL: MODALS,
  SUB: SUBORDINATORS,
  PRON: PERSONAL_PRONOUNS,
};
