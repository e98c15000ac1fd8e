import { describe, expect, it } from 'vitest';
import { agreeTypes } from '../../../../utils/analysis/ner/agreement';
import { beginLabel, labelSpans } from '../../../../utils/analysis/ner/labels';
import {
  applyTitles,
  dropFurniture,
  dropInterjections,
  headlineWords,
  joinHyphenated,
  listedPlaces,
  onPlatforms,
  orgSuffixes,
  orgWords,
  pluralFamilies,
  splitPlaces,
  unintroducedPersons,
  unlistedPlaces,
} from '../../../../utils/analysis/ner/rules';
import { listBit } from '../../../../utils/analysis/ner/gazetteer';
import { CAPITALISED_ELSEWHERE, HEADLINE_LOWERED, IN_HEADLINE } from '../../../../utils/analysis/ner/features';
import { tokenize } from '../../../../utils/analysis/ner/tokenize';

/** Words of a passage and labels from "word/TYPE" marks ("Jean-Pierre/B-MISC Dupont/B-PER"). */
function parse(marked: string): { words: string[]; labels: Uint8Array; breaks: boolean[] } {
  const words: string[] = [];
  const labels: number[] = [];
  const breaks: boolean[] = [];
  for (const [k, line] of marked.split('\n').entries()) {
    line
      .split(' ')
      .filter(Boolean)
      .forEach((tok, i) => {
        const m = /^(.+?)\/([BI])-(PER|ORG|LOC|MISC)$/.exec(tok);
        const b = m ? beginLabel(m[3] as 'PER') : 0;
        words.push(m ? m[1] : tok);
        labels.push(m ? (m[2] === 'B' ? b : b + 1) : 0);
        breaks.push(i === 0 && k >= 0);
      });
  }
  return { words, labels: Uint8Array.from(labels), breaks };
}

function entities(words: string[], labels: Uint8Array): string[] {
  return labelSpans(labels).map((s) => `${s.type} ${words.slice(s.start, s.end).join(' ')}`);
}

describe('applyTitles', () => {
  it('never leaves a rank or title alone as a person', () => {
    const { words, labels } = parse('Col./B-PER said the strike was over , and Gen./B-PER Smith/I-PER agreed .');
    applyTitles(words, labels);
    expect(entities(words, labels)).toEqual(['PER Smith']);
  });

  it('takes a run of ranks out of the name after it', () => {
    const { words, labels } = parse('Lt./B-PER Col./I-PER Maria/I-PER Ortega/I-PER led the unit .');
    applyTitles(words, labels);
    expect(entities(words, labels)).toEqual(['PER Maria Ortega']);
  });

  it('finds the person after "Sen." and "Rep." even when the tagger missed them', () => {
    const { words, labels } = parse('Sen. Alvarez and Rep. Okafor/B-ORG voted no .');
    applyTitles(words, labels);
    expect(entities(words, labels)).toEqual(['PER Alvarez', 'PER Okafor']);
  });

  it('drops a run of written-out titles tagged apart before a person', () => {
    const { words, labels } = parse('Chief/B-ORG Justice/I-ORG Ada/B-PER Lindqvist/I-PER wrote for the court .');
    applyTitles(words, labels);
    expect(entities(words, labels)).toEqual(['PER Ada Lindqvist']);
  });

  it('takes "Justice" and "Attorney General" out of the name they start', () => {
    const { words, labels } = parse(
      'Justice/B-ORG Okonkwo/I-ORG dissented and Attorney/B-ORG General/I-ORG Mira/I-ORG Patel/I-ORG agreed .',
    );
    applyTitles(words, labels);
    expect(entities(words, labels)).toEqual(['PER Okonkwo', 'PER Mira Patel']);
  });

  it("leaves a title that is part of an organisation's name", () => {
    const { words, labels } = parse('The Justice/B-ORG Department/I-ORG and Vice/B-ORG Media/I-ORG disagreed .');
    applyTitles(words, labels);
    expect(entities(words, labels)).toEqual(['ORG Justice Department', 'ORG Vice Media']);
  });
});

describe('dropFurniture', () => {
  it('clears lines of page furniture in capitals and keeps the article around them', () => {
    const { words, labels, breaks } = parse(
      [
        'The mayor of Springfield/B-LOC spoke on Monday .',
        'ADVERTISEMENT/B-ORG',
        'CLICK HERE TO GET THE DAILY/B-ORG HERALD/I-ORG APP',
        'SUBSCRIBE/B-ORG',
        'NAIROBI/B-LOC , March 3 -- Kenyan/B-MISC officials met .',
      ].join('\n'),
    );
    dropFurniture(words, breaks, labels);
    expect(entities(words, labels)).toEqual(['LOC Springfield', 'LOC NAIROBI', 'MISC Kenyan']);
  });

  it('keeps a headline in capitals that is not furniture', () => {
    const { words, labels, breaks } = parse('OBAMA/B-PER VISITS KENYA/B-LOC');
    dropFurniture(words, breaks, labels);
    expect(entities(words, labels)).toEqual(['PER OBAMA', 'LOC KENYA']);
  });

  it('works with the tokeniser’s line breaks', () => {
    const { tokens, lineBreakBefore } = tokenize('ADVERTISEMENT\nSen. Lopez spoke.');
    const words = tokens.map((t) => t.norm);
    const labels = new Uint8Array(words.length);
    labels[0] = beginLabel('ORG');
    labels[2] = beginLabel('PER');
    dropFurniture(words, lineBreakBefore, labels);
    expect(entities(words, labels)).toEqual(['PER Lopez']);
  });
});

describe('joinHyphenated', () => {
  it('keeps a hyphenated first name with its surname, as one person', () => {
    const { words, labels } = parse('Jean-Pierre/B-MISC Dumont/B-PER and Anne-Marie/B-PER Keller/B-PER arrived .');
    joinHyphenated(words, labels);
    expect(entities(words, labels)).toEqual(['PER Jean-Pierre Dumont', 'PER Anne-Marie Keller']);
  });

  it('leaves hyphenated adjectives before other names alone', () => {
    const { words, labels } = parse('the Franco-German/B-MISC Airbus/B-ORG deal');
    joinHyphenated(words, labels);
    expect(entities(words, labels)).toEqual(['MISC Franco-German', 'ORG Airbus']);
  });
});

describe('pluralFamilies', () => {
  it('makes "the Hendersons" people when the article names a Henderson', () => {
    const { words, labels } = parse(
      'Mark/B-PER Henderson/I-PER moved to Leeds/B-LOC . The Hendersons/B-ORG bought a farm , the Joneses/B-ORG did not .',
    );
    pluralFamilies(words, labels);
    expect(entities(words, labels)).toEqual(['PER Mark Henderson', 'LOC Leeds', 'PER Hendersons', 'ORG Joneses']);
  });
});

describe('agreeTypes', () => {
  const given = (w: string) => ['anna', 'tomas'].includes(w.toLowerCase());

  it('gives a lone surname the type of the full name, wherever it stands', () => {
    const { words, labels } = parse(
      'KOVAC/B-ORG WINS AGAIN . President Anna/B-PER Kovac/I-PER met Tomas/B-PER Berg/I-PER . Kovac/B-LOC won Ohio/B-LOC , and Kovac/B-ORG said so .',
    );
    agreeTypes(words, labels, given);
    expect(entities(words, labels)).toEqual([
      'PER KOVAC',
      'PER Anna Kovac',
      'PER Tomas Berg',
      'PER Kovac',
      'LOC Ohio',
      'PER Kovac',
    ]);
  });

  it('takes a surname named after a title alone as a person’s wherever it stands alone', () => {
    const { words, labels } = parse(
      'Sen. Ives/B-PER and Rep. Ocampo/B-PER spoke . Ives/B-ORG voted no , and Ocampo/B-LOC left .',
    );
    agreeTypes(words, labels, given);
    expect(entities(words, labels)).toEqual(['PER Ives', 'PER Ocampo', 'PER Ives', 'PER Ocampo']);
  });

  it('takes a full name after a title as a person’s even when its given name is not known', () => {
    const { words, labels } = parse(
      'President Kwame/B-PER Oduya/I-PER arrived . Oduya/B-ORG met Tomas/B-PER Berg/I-PER , and Oduya/B-LOC left .',
    );
    agreeTypes(words, labels, given);
    expect(entities(words, labels)).toEqual(['PER Kwame Oduya', 'PER Oduya', 'PER Tomas Berg', 'PER Oduya']);
  });

  it('does not take a place named after a person for the person when no given name says so', () => {
    const { words, labels } = parse('Jackson/B-PER Street/I-PER runs to Jackson/B-LOC , and Jackson/B-LOC grew .');
    agreeTypes(words, labels, given);
    expect(entities(words, labels)).toEqual(['PER Jackson Street', 'LOC Jackson', 'LOC Jackson']);
  });

  it('makes the same name one type when most of the article agrees, and leaves an even split alone', () => {
    const { words, labels } = parse(
      'Norvia/B-LOC said . Norvia/B-LOC , Norvia/B-LOC and Norvia/B-LOC agreed with Norvia/B-ORG . Leeds/B-ORG beat Leeds/B-LOC .',
    );
    agreeTypes(words, labels, given);
    expect(entities(words, labels)).toEqual([
      'LOC Norvia',
      'LOC Norvia',
      'LOC Norvia',
      'LOC Norvia',
      'LOC Norvia',
      'ORG Leeds',
      'LOC Leeds',
    ]);
  });

  it('settles an even split by the gazetteer when it knows the name only as a person’s', () => {
    const { words, labels } = parse(
      'Talvik/B-ORG said . Then Talvik/B-PER spoke , and Talvik/B-ORG left . Leeds/B-ORG beat Leeds/B-LOC . Brno/B-LOC and Brno/B-ORG .',
    );
    // The gazetteer: "talvik" a person's name only, "leeds" a place and an organisation, "brno" an organisation only.
    const known = new Map([
      ['talvik', 1],
      ['leeds', 6],
      ['brno', 2],
    ]);
    const knownTypes = (a: number, b: number) => (b === a + 1 ? (known.get(words[a].toLowerCase()) ?? 0) : 0);
    agreeTypes(words, labels, given, knownTypes);
    expect(entities(words, labels)).toEqual([
      'PER Talvik',
      'PER Talvik',
      'PER Talvik',
      'ORG Leeds',
      'LOC Leeds',
      // Places and organisations stay split (a city and its team).
      'LOC Brno',
      'ORG Brno',
    ]);
    // A name the article never calls a person's is not made one.
    const other = parse('Talvik/B-ORG said . Talvik/B-LOC left .');
    agreeTypes(other.words, other.labels, given, (a) => (other.words[a] === 'Talvik' ? 1 : 0));
    expect(entities(other.words, other.labels)).toEqual(['ORG Talvik', 'LOC Talvik']);
  });

  it('keeps a longer name that contains a person’s surname', () => {
    const { words, labels } = parse('Anna/B-PER Kovac/I-PER founded the Kovac/B-ORG Foundation/I-ORG .');
    agreeTypes(words, labels, given);
    expect(entities(words, labels)).toEqual(['PER Anna Kovac', 'ORG Kovac Foundation']);
  });
});

describe('splitPlaces', () => {
  // A small gazetteer: countries and cities (bits of `LISTS`), and one city of two words.
  const lists = new Map<string, number>([
    ['norway', listBit(1)],
    ['chile', listBit(1)],
    ['lyon', listBit(2) | (1 << 2)],
    ['porto', listBit(2) | (1 << 2)],
    ['sandy', listBit(2)],
    ['hook', listBit(2)],
    ['york', listBit(2)],
    ['porto alegre', listBit(2)],
    ['alegre', listBit(2)],
  ]);
  const knownIn = (words: string[]) => (a: number, b: number) =>
    lists.get(words.slice(a, b).join(' ').toLowerCase()) ?? 0;

  it('keeps two small towns of the list of cities whole (the training text never named them)', () => {
    const { words, labels } = parse('the school in Sandy/B-LOC Hook/I-LOC reopened');
    splitPlaces(words, labels, knownIn(words));
    expect(entities(words, labels)).toEqual(['LOC Sandy Hook']);
  });

  it('splits two listed places written side by side', () => {
    const { words, labels } = parse('talks between Norway/B-LOC Chile/I-LOC and Lyon/B-LOC Porto/I-LOC ended');
    splitPlaces(words, labels, knownIn(words));
    expect(entities(words, labels)).toEqual(['LOC Norway', 'LOC Chile', 'LOC Lyon', 'LOC Porto']);
  });

  it('keeps a place whose whole name is known, or whose parts are not both places', () => {
    const { words, labels } = parse('flights to Porto/B-LOC Alegre/I-LOC and New/B-LOC York/I-LOC resumed');
    splitPlaces(words, labels, knownIn(words));
    expect(entities(words, labels)).toEqual(['LOC Porto Alegre', 'LOC New York']);
  });
});

describe('orgSuffixes', () => {
  it('makes a name ending in a company form, a party or an inn an organisation', () => {
    const { words, labels } = parse(
      'Staff/O of Brannock/B-PER Widget/I-PER Corp./I-PER met at the Marlow/B-PER Garden/I-PER Inn/I-PER near Tenby/B-LOC Party/I-LOC offices .',
    );
    orgSuffixes(words, labels);
    expect(entities(words, labels)).toEqual(['ORG Brannock Widget Corp.', 'ORG Marlow Garden Inn', 'ORG Tenby Party']);
  });

  it('leaves a one-word name, a "Bank" and a person alone', () => {
    const { words, labels } = parse('Group/B-PER said Ellis/B-PER Grant/I-PER visited the West/B-LOC Bank/I-LOC .');
    orgSuffixes(words, labels);
    expect(entities(words, labels)).toEqual(['PER Group', 'PER Ellis Grant', 'LOC West Bank']);
  });
});

describe('onPlatforms', () => {
  it('makes a place after "on" that nothing knows as a place an organisation, not a known place', () => {
    const { words, labels } = parse('She posted on Chirpster/B-LOC about talks on Moldova/B-LOC and on Tenby/B-LOC .');
    const places = new Map([
      ['Moldova', listBit(1)],
      ['Tenby', 1 << 2],
    ]);
    onPlatforms(words, labels, (a, b) => (b === a + 1 ? (places.get(words[a]) ?? 0) : 0));
    expect(entities(words, labels)).toEqual(['ORG Chirpster', 'LOC Moldova', 'LOC Tenby']);
  });
});

describe('orgWords', () => {
  it('makes "GOP" an organisation, also before a noun, but not inside a longer name', () => {
    const { words, labels } = parse('GOP/B-MISC leaders and GOP voters met at the GOP/B-MISC Convention/I-MISC .');
    orgWords(words, labels);
    expect(entities(words, labels)).toEqual(['ORG GOP', 'ORG GOP', 'MISC GOP Convention']);
  });
});

describe('headlineWords', () => {
  // Codes per word as featurize gives them: L lowered by truecasing, H in a headline, C capitalised elsewhere.
  const codesOf = (marks: string) =>
    Uint8Array.from(
      marks
        .split(' ')
        .map(
          (m) =>
            (m.includes('L') ? HEADLINE_LOWERED : 0) |
            (m.includes('H') ? IN_HEADLINE : 0) |
            (m.includes('C') ? CAPITALISED_ELSEWHERE : 0),
        ),
    );

  it('takes ordinary words out of names in a headline and types what is left as the article does', () => {
    const { words, labels } = parse(
      'Why/B-ORG Voting/I-ORG Early/I-ORG Could/I-ORG Sink/I-ORG Varga/I-ORG\nIlona/B-PER Varga/I-PER spoke and Varga/B-PER left .',
    );
    const codes = codesOf('HL HL HL HL HL HC 0 C 0 0 C 0 0');
    headlineWords(words, labels, codes, () => 0);
    expect(entities(words, labels)).toEqual(['PER Varga', 'PER Ilona Varga', 'PER Varga']);
  });

  it('drops a headline name the article never writes capitalised nor names, unless the gazetteer knows it', () => {
    const { words, labels } = parse('Senator/B-PER Unleashes/B-ORG Fury/B-LOC On/O Tenby/B-LOC\nNothing more .');
    const codes = codesOf('HL H H HL H 0 0 0');
    headlineWords(words, labels, codes, (a, b) => (words.slice(a, b).join(' ') === 'Tenby' ? listBit(2) : 0));
    expect(entities(words, labels)).toEqual(['LOC Tenby']);
  });

  it('leaves names outside headlines and names the gazetteer knows whole', () => {
    const { words, labels } = parse('NEW/B-LOC YORK/I-LOC WINS/O\nThe New/B-ORG Deal/I-ORG passed .');
    const codes = codesOf('HL H HL 0 L 0 0 0');
    headlineWords(words, labels, codes, (a, b) => (b - a === 2 && words[a] === 'NEW' ? 1 << 2 : 0));
    expect(entities(words, labels)).toEqual(['LOC NEW YORK', 'ORG New Deal']);
  });
});

describe('dropInterjections', () => {
  it('clears an interjection tagged as a name, and keeps a name that goes on', () => {
    const { words, labels } = parse('" Oh/B-LOC well , Wow/B-ORG . " Well/B-PER Fargo/I-PER said .');
    dropInterjections(words, labels);
    expect(entities(words, labels)).toEqual(['PER Well Fargo']);
  });
});

describe('unintroducedPersons', () => {
  const sentencesOf = (words: string[]) => {
    const out: [number, number][] = [];
    let a = 0;
    words.forEach((w, i) => {
      if (w === '.') {
        out.push([a, i + 1]);
        a = i + 1;
      }
    });
    return out;
  };

  it('makes a one-word person the article never names in full an organisation', () => {
    const { words, labels } = parse(
      'Chirpster/B-PER said it would close the accounts . Users of Chirpster/B-PER were angry at the decision .',
    );
    unintroducedPersons(words, sentencesOf(words), labels, () => 0);
    expect(entities(words, labels)).toEqual(['ORG Chirpster', 'ORG Chirpster']);
  });

  it('keeps a surname the article introduces, one with a title, and one the gazetteer knows', () => {
    const { words, labels } = parse(
      'Odalys/B-PER Brenner/I-PER spoke first and then Brenner/B-PER left the hall . ' +
        'Mr. Quillan/B-PER and Varga/B-PER stayed on in the hall .',
    );
    const sentences = sentencesOf(words);
    unintroducedPersons(words, sentences, labels, (a) => (words[a] === 'Varga' ? 1 : 0));
    expect(entities(words, labels)).toEqual(['PER Odalys Brenner', 'PER Brenner', 'PER Quillan', 'PER Varga']);
  });

  it('leaves surnames alone in a line-up without ordinary sentences', () => {
    const { words, labels } = parse('Kowalczyk/B-PER , Dumitru/B-PER , Okafor/B-PER ; Brandt/B-PER .');
    unintroducedPersons(words, sentencesOf(words), labels, () => 0);
    expect(entities(words, labels)).toEqual(['PER Kowalczyk', 'PER Dumitru', 'PER Okafor', 'PER Brandt']);
  });
});

describe('unlistedPlaces', () => {
  it('makes a name the article tags as a place and as an organisation, that no list knows as a place, an organisation', () => {
    const { words, labels } = parse(
      'Chirpster/B-ORG said so , a manager at Chirpster/B-LOC agreed , and Tenby/B-LOC beat Tenby/B-ORG at home .',
    );
    unlistedPlaces(words, labels, (a) => (words[a] === 'Tenby' ? listBit(2) : 0));
    expect(entities(words, labels)).toEqual(['ORG Chirpster', 'ORG Chirpster', 'LOC Tenby', 'ORG Tenby']);
  });

  it('leaves a place the article never calls an organisation', () => {
    const { words, labels } = parse('She grew up in Valdoria/B-LOC and left Valdoria/B-LOC at ten .');
    unlistedPlaces(words, labels, () => 0);
    expect(entities(words, labels)).toEqual(['LOC Valdoria', 'LOC Valdoria']);
  });
});

describe('listedPlaces', () => {
  it('makes a listed city the article also tags as a person a place, unless it names a person with it', () => {
    const { words, labels } = parse(
      'Crowds gathered in Tenby/B-LOC after the storm , and Tenby/B-PER rebuilt . Marlow/B-PER spoke and Marlow/B-LOC cheered , said Ada/B-PER Marlow/I-PER .',
    );
    listedPlaces(words, labels, (a) => (['Tenby', 'Marlow'].includes(words[a]) ? listBit(2) : 0));
    expect(entities(words, labels)).toEqual(['LOC Tenby', 'LOC Tenby', 'PER Marlow', 'LOC Marlow', 'PER Ada Marlow']);
  });
});
