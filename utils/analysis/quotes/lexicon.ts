/** Word lists the quotation finder relies on: speech verbs, titles, pronouns, first names. */

/** Verbs that report speech or writing, in their base form. */
const CUE_VERBS = (
  'say tell add write ask insist stress note explain argue warn claim declare state continue reply ' +
  'respond answer recall conclude acknowledge admit concede suggest tweet post announce complain ' +
  'observe remark comment joke quip shout yell scream chant exclaim whisper mutter predict promise ' +
  'pledge vow assure urge caution emphasize emphasise describe call dub label brand accuse charge ' +
  'allege assert maintain contend counter retort interject recount boast brag lament confide confirm ' +
  'deny testify report reveal disclose agree muse wonder question demand plead beg instruct advise ' +
  'inform reassure mock taunt quote cite reiterate repeat gush fume rage snap sniff scoff huff gripe ' +
  'grumble proclaim recommend thank praise blast slam criticize criticise attack challenge opine ' +
  'text email message mention begin explain elaborate summarize summarise sum counsel threaten ' +
  'reason posit offer venture concur hint muse marvel rail ' +
  'propose react welcome indicate sing remember reminisce ponder refer bemoan decry denounce condemn deride tout hail dismiss label snipe blame bark beam echo cry gasp grin smile chuckle growl roar sneer snarl pen retweet crack point ' +
  'speak read headline caption herald characterize characterise'
) // "the sign read", "the statement read"
  .split(/\s+/);

/** Irregular or doubled forms the simple inflection below cannot make. */
const EXTRA_FORMS =
  'said told wrote written spoke spoken read admitted admitting quipped quipping committed ' +
  'regretted regretting put puts putting thought shot grinned grinning slammed slamming referred referring sang termed';

function inflect(v: string): string[] {
  if (/[^aeiou]y$/.test(v)) return [v, v.slice(0, -1) + 'ies', v.slice(0, -1) + 'ied', v + 'ing'];
  if (/e$/.test(v)) return [v, v + 's', v + 'd', v.slice(0, -1) + 'ing'];
  if (/(?:sh|ch|ss|x|z)$/.test(v)) return [v, v + 'es', v + 'ed', v + 'ing'];
  return [v, v + 's', v + 'ed', v + 'ing'];
}

/** Every inflected form of a speech verb ("said", "says", "saying", "noted", ...). */
export const CUE_FORMS: ReadonlySet<string> = new Set([...CUE_VERBS.flatMap(inflect), ...EXTRA_FORMS.split(' ')]);

/** Cue forms too common in other senses to count without a nearby quotation mark. */
export const WEAK_CUES: ReadonlySet<string> = new Set(
  (
    'read put went goes go going thought call calls called calling continue continues continued continuing ' +
    'begin begins began beginning offer offers offered offering question questioned attack attacked ' +
    'charge charged state states stated post posted report reported message text laugh laughed ' +
    'counter countered sum speak agree agreed crack cracked point pointed smile smiled grin grinned ' +
    'cry cried echo echoed beam beamed shot criticize criticizes criticized criticise criticised praise ' +
    'praised praises blast blasted blasts slam slammed slams attack attacks thank thanked thanks ' +
    'challenge challenged accuse accused accuses blame blamed bemoan bemoaned decry decried denounce ' +
    'denounced condemn condemned deride derided tout touted hail hailed dismiss dismissed label labeled ' +
    'ponder pondered refer referred referring refers remember remembered reminisce reminisced welcome welcomed ' +
    'welcomes indicate indicated indicates sing sang sings singing propose proposed proposes ' +
    'herald heralds heralded heralding termed'
  ).split(' '),
);

/** Verbs that come between a subject and a speech verb ("has said", "would later add"). */
export const AUXILIARIES: ReadonlySet<string> = new Set(
  (
    'has have had had would will also later then again once once-again earlier previously recently ' +
    'just only often repeatedly frequently famously reportedly simply bluntly flatly quickly ' +
    'later once did does do is was were are be been being quietly publicly privately ' +
    'since ultimately finally first further even still never always however too instead meanwhile ' +
    'nonetheless nevertheless though therefore indeed thus could can may might must should shall'
  ).split(' '),
);

/** Personal pronouns that can be the subject of a speech verb, with their gender. */
export const PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'p' | 'x'> = new Map([
  ['he', 'm'],
  ['she', 'f'],
  ['they', 'p'],
  ['i', 'x'],
  ['we', 'p'],
  ['it', 'x'],
  ['you', 'x'],
  ['his', 'm'],
  ['her', 'f'],
  ['him', 'm'],
  ['who', 'x'],
]);

/** Titles and honorifics: they go before a name and are not part of the name itself. */
export const TITLES: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss dr prof sen senator rep representative gov governor president vice pres gen general ' +
    'lt col sgt adm capt cmdr maj rev reverend judge justice minister secretary chairman chairwoman chair ' +
    'ambassador mayor speaker pope king queen prince princess sheikh lord lady sir dame premier chancellor ' +
    'commissioner director chief leader spokesman spokeswoman spokesperson deputy attorney prosecutor ' +
    'foreign prime state house senate defense defence interior finance treasury homeland former acting ' +
    'candidate nominee congressman congresswoman councilman councilwoman councillor lawmaker sheriff ' +
    'detective officer agent professor coach anchor host editor columnist correspondent author ' +
    'republican democratic democrat gop independent presidential first lady majority minority whip ' +
    'assistant associate executive ceo founder co-founder u.s us pollster strategist analyst consultant ' +
    'adviser advisor aide economist historian lawyer activist delegate organizer manager chairperson'
  ).split(' '),
);

/** Capitalised words that begin sentences or name times, never people. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  (
    'the a an and but or so yet for nor in on at to of by with from as if when while after before ' +
    'this that these those there here it its he she they we i you his her their our my your ' +
    'what who why how where which whatever however meanwhile still also then now even though although ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december not no yes one two both all some many most ' +
    'according asked said says added told during under over since until because despite instead ' +
    'last next earlier later today yesterday tomorrow tonight every each other another such only ' +
    'speaking writing asked unlike like just well oh mr mrs ms dr'
  ).split(' '),
);

/** Common first names whose gender the article may never state. */
export const FEMALE_NAMES: ReadonlySet<string> = new Set(
  (
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret ' +
    'sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura ' +
    'sharon cynthia kathleen amy angela anna hillary carly nikki sarah condoleezza madeleine kellyanne ' +
    'hope huma debbie donna megyn michele marsha elaine kamala maxine dianne tammy kirsten claire ' +
    'heidi jeanne susana theresa angela marine christine ivanka melania chelsea ruth sonia elena ' +
    'loretta samantha valerie janet julie katie kate maria rosa sofia olga irina yulia jane ann anne ' +
    'sue liz beth meg emma olivia sophia grace ellen alice helen joan judith diane denise gloria'
  ).split(' '),
);

/** Common male first names. */
export const MALE_NAMES: ReadonlySet<string> = new Set(
  (
    'james john robert michael william david richard joseph thomas charles christopher daniel matthew ' +
    'anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward ' +
    'jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin ' +
    'samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron jose adam henry ' +
    'nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald ' +
    'carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie ' +
    'gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip ' +
    'johnny barack bernie ted marco jeb mitt mike chris rand lindsey newt reince rudy bill hugh ' +
    'vladimir boris emmanuel francois tom jim bob dan dave steve ben sam nick andy tony rick ron don ' +
    'ken greg jeff matt tim phil fred ed jon doug'
  ).split(' '),
);

/** Irregular past tenses: a verb here ends a noun phrase ("the senator sought …"). */
export const IRREGULAR_PAST: ReadonlySet<string> = new Set(
  (
    'said told took made gave came went held kept left met led ran won lost thought felt found brought began ' +
    'wrote spoke stood sat saw knew became sought put set let got sent spent built bought caught taught ' +
    'fought meant paid read heard understood chose drove rose fell grew threw'
  ).split(' '),
);

/**
 * Nouns a described speaker can have as its head: people, groups of people, organisations,
 * and things said or written for someone ("a statement", "the report"). A description with
 * another head ("the balloons", "a premium", "this new") names no speaker.
 */
export const SPEAKER_NOUNS: ReadonlySet<string> = new Set(
  (
    'person people man men woman women boy boys girl girls guy guys child children kid kids teen teens ' +
    'official officials aide aides adviser advisers advisor advisors source sources spokesman spokesmen ' +
    'spokeswoman spokeswomen spokesperson spokespeople representative representatives candidate candidates ' +
    'nominee nominees president senator senators governor governors mayor mayors minister ministers ' +
    'secretary chairman chairwoman chair chief director directors head leader leaders member members ' +
    'staff staffer staffers official team campaign campaigns party parties group groups organization ' +
    'organisation organizations organisations committee committees council board agency agencies ' +
    'department departments ministry office administration government governments company companies firm ' +
    'firms corporation business union unions association coalition alliance movement network networks ' +
    'newspaper newspapers paper magazine station outlet outlets publication media press channel show ' +
    'court judge judges jury prosecutor prosecutors attorney attorneys lawyer lawyers police officer ' +
    'officers sheriff agent agents military army commander general spokesperson crowd crowds audience ' +
    'protesters protestors demonstrators supporters supporter voters voter residents resident citizens ' +
    'americans critics critic opponents opponent rivals rival allies ally friend friends colleague ' +
    'colleagues family relative relatives wife husband son daughter mother father brother sister parents ' +
    'expert experts analyst analysts economist economists scientist scientists researcher researchers ' +
    'doctor doctors physician professor professors teacher teachers student students author authors writer ' +
    'writers columnist columnists editor editors editorial reporter reporters journalist journalists host ' +
    'hosts anchor anchors commentator commentators blogger bloggers narrator moderator panel panelist ' +
    'lawmaker lawmakers legislator legislators congressman congresswoman delegate delegates democrat ' +
    'democrats republican republicans conservative conservatives liberal liberals activist activists ' +
    'strategist strategists consultant consultants pollster pollsters operative operatives insider ' +
    'insiders donor donors fan fans user users worker workers employee employees executive executives ' +
    'owner owners founder manager managers ceo investor investors businessman businesswoman mogul tycoon ' +
    'billionaire millionaire veteran veterans soldier soldiers victim victims witness witnesses survivor ' +
    'immigrant immigrants refugee refugees pastor priest bishop pope rabbi imam preacher actor actress ' +
    'singer star celebrity comedian commenter commenters follower followers neighbor neighbors neighbour ' +
    'statement statements letter letters report reports poll polls survey surveys study studies memo ' +
    'email emails tweet tweets post posts message messages release ad ads advertisement video website ' +
    'transcript document documents filing complaint lawsuit suit ruling order opinion editorial book ' +
    'speech remarks interview article story note sign signs banner banners headline caption one someone ' +
    'anyone everyone nobody those lady ladies diplomat diplomats prince princess king queen justice ' +
    'justices chairmen chairwomen heavyweight heavyweights front-runner frontrunner investigation memoir ' +
    'footnote readout foundation institute center centre university school account accounts piece chief ' +
    'tabloid community petition counsel cable service photo summary column passage copy'
  ).split(' '),
);

/** Words for one person's role or trade, which a name after them belongs to ("aide Jane Doe"). */
export const PERSON_NOUNS: ReadonlySet<string> = new Set(
  (
    'aide adviser advisor spokesman spokeswoman spokesperson official candidate nominee senator governor ' +
    'mayor minister secretary chairman chairwoman chief director leader member staffer judge prosecutor ' +
    'attorney lawyer officer sheriff agent commander general analyst economist scientist researcher doctor ' +
    'physician professor teacher student author writer columnist editor reporter journalist host anchor ' +
    'commentator blogger lawmaker legislator congressman congresswoman delegate activist strategist ' +
    'consultant pollster operative donor executive owner founder manager investor businessman ' +
    'businesswoman mogul veteran soldier victim witness pastor priest bishop rabbi imam actor actress ' +
    'singer comedian dietitian dietician nutritionist therapist psychologist psychiatrist nurse surgeon ' +
    'coach expert resident voter shopper worker farmer fan neighbour neighbor'
  ).split(' '),
);
