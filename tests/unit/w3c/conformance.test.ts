import { describe, expect, it } from 'vitest';
import { isDateTimeWithZone, mustFailures, mustFailuresOfTest } from './conformance';

const ANNOTATION = 'annotations/annotationMusts.test';
const COLLECTION = 'collections/collectionMusts.test';
const PAGE = 'collections/pages/pageMusts.test';
const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Json = Record<string, unknown>;

/** The shape Xinzhi exports for one highlight (a fresh copy each call). */
function annotation(): Json {
  return {
    '@context': CONTEXT,
    id: 'urn:xinzhi:highlight:h-abc123',
    type: 'Annotation',
    created: '2026-11-23T10:00:00.000Z',
    modified: '2026-11-23T10:05:00.000Z',
    body: [
      { type: 'TextualBody', value: 'A **note**', format: 'text/markdown', purpose: 'commenting' },
      { type: 'TextualBody', value: 'exam', purpose: 'tagging' },
    ],
    target: {
      source: 'urn:xinzhi:article:gmw',
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: 'Two Sessions',
          prefix: 'during this year’s “',
          suffix: '”, so what exactly',
        },
        { type: 'TextPositionSelector', start: 1200, end: 1212 },
      ],
    },
  };
}

/** The annotation as embedded in a page: without its own `@context` (inherited from the top). */
function embeddedAnnotation(): Json {
  const { '@context': _context, ...rest } = annotation();
  return rest;
}

/** An embedded AnnotationPage (no `@context`, no `partOf`). */
function page(items: unknown[] = [embeddedAnnotation()]): Json {
  return {
    id: 'urn:xinzhi:export:e-20261123#page1',
    type: 'AnnotationPage',
    startIndex: 0,
    items,
  };
}

/** An export: an AnnotationCollection with its single page embedded in `first`. */
function collection(first: Json = page()): Json {
  return {
    '@context': CONTEXT,
    id: 'urn:xinzhi:export:e-20261123',
    type: 'AnnotationCollection',
    label: 'Xinzhi highlights — 2026-11-23',
    total: 1,
    first,
  };
}

/** The same page served on its own: `@context` added, `partOf` given as an object. */
function standalonePage(): Json {
  return {
    '@context': CONTEXT,
    ...page(),
    partOf: { id: 'urn:xinzhi:export:e-20261123', type: 'AnnotationCollection', total: 1 },
  };
}

function target(doc: Json): Json {
  return doc.target as Json;
}

function selectors(doc: Json): Json[] {
  return target(doc).selector as Json[];
}

describe('W3C annotation MUSTs (annotationMusts.test)', () => {
  it('accepts the annotation shape Xinzhi exports', () => {
    expect(mustFailures(annotation(), ANNOTATION)).toEqual([]);
  });

  it('accepts other conforming shapes', () => {
    const variants: Array<(doc: Json) => void> = [
      (doc) => (doc['@context'] = [CONTEXT, { xz: 'urn:xinzhi:vocab#' }]),
      (doc) => (doc.type = ['Annotation', 'xz:Highlight']),
      (doc) => (doc.created = '2026-11-23T18:00:00+08:00'),
      (doc) => {
        delete doc.body;
        doc.bodyValue = 'plain note';
      },
      (doc) => delete doc.body, // a highlight with no note
      (doc) => (doc.target = 'urn:xinzhi:article:gmw'),
    ];
    for (const change of variants) {
      const doc = annotation();
      change(doc);
      expect(mustFailures(doc, ANNOTATION), JSON.stringify(doc)).toEqual([]);
    }
  });

  it('ignores SHOULD/MAY requirements (e.g. an unknown purpose, two formats)', () => {
    const doc = annotation();
    const [note] = doc.body as Json[];
    note.purpose = 'annotating-wrongly';
    note.format = ['text/markdown', 'text/plain'];
    expect(mustFailures(doc, ANNOTATION)).toEqual([]);
  });

  const broken: Array<[string, (doc: Json) => void, string]> = [
    ['missing @context', (doc) => delete doc['@context'], '3.1-annotationContextValidated.json'],
    [
      'wrong @context',
      (doc) => (doc['@context'] = 'http://www.w3.org/ns/anno.json'),
      '3.1-annotationContextValidated.json',
    ],
    ['wrong type', (doc) => (doc.type = 'Highlight'), '3.1-annotationTypeValidated.json'],
    ['missing id', (doc) => delete doc.id, '3.1-annotationIdValidated.json'],
    ['relative id', (doc) => (doc.id = 'h-abc123'), '3.1-annotationIdValidated.json'],
    [
      'created without a time zone',
      (doc) => (doc.created = '2026-11-23T10:00:00.000'),
      '3.3.1-annotationCreatedValidated.json',
    ],
    [
      'modified as a bare date',
      (doc) => (doc.modified = '2026-11-23'),
      '3.3.1-annotationModifiedValidated.json',
    ],
    ['target missing', (doc) => delete doc.target, '3.1-targetKeyFound.json'],
    [
      'TextPositionSelector with a string start',
      (doc) => (selectors(doc)[1].start = '1200'),
      '4.2-TextDataPositionSelectorValid.json',
    ],
    [
      'TextPositionSelector with a negative end',
      (doc) => (selectors(doc)[1].end = -1),
      '4.2-TextDataPositionSelectorValid.json',
    ],
    [
      'TextQuoteSelector without exact',
      (doc) => delete selectors(doc)[0].exact,
      '4.2.4-textQuoteSelectorValid.json',
    ],
    [
      'unknown selector type',
      (doc) => (selectors(doc)[0].type = 'TextQuoteSelectr'),
      '4.2-selectorValidIfPresent.json',
    ],
    [
      'an un-encoded non-ASCII source IRI (format uri is ASCII-only)',
      (doc) => (target(doc).source = 'urn:xinzhi:article:新质'),
      '3.2-targetObjectsRecognized.json',
    ],
    ['both body and bodyValue', (doc) => (doc.bodyValue = 'x'), '3.2.5-notBodyBodyValue.json'],
    [
      'bodyValue not a string',
      (doc) => {
        delete doc.body;
        doc.bodyValue = 42;
      },
      '3.2.5-bodyValueValidated.json',
    ],
    [
      'an embedded TextualBody as target',
      (doc) => (doc.target = { type: 'TextualBody', value: 'Two Sessions' }),
      '3.2.4-targNoTypeTextualBody.json',
    ],
  ];

  it.each(broken)('rejects an annotation with %s', (_name, change, assertion) => {
    const doc = annotation();
    change(doc);
    const failures = mustFailures(doc, ANNOTATION);
    expect(failures.length).toBeGreaterThan(0);
    expect(
      failures.some((f) => f.includes(assertion)),
      failures.join('\n'),
    ).toBe(true);
  });

  it('reports the assertion path and its errorMessage', () => {
    const doc = annotation();
    delete doc['@context'];
    expect(mustFailures(doc, ANNOTATION)).toEqual([
      "annotations/3.1-annotationContextValidated.json: ERROR: Annotation is missing @context key or 'http://www.w3.org/ns/anno.jsonld' is not a value of @context.",
    ]);
  });

  it('rejects non-objects on every MUST that requires an object', () => {
    expect(mustFailures('urn:xinzhi:highlight:h-abc123', ANNOTATION)).toHaveLength(54);
    expect(mustFailures({}, ANNOTATION)).toHaveLength(5);
  });
});

describe('W3C collection and page MUSTs', () => {
  it('accepts the export collection with the page embedded in first', () => {
    expect(mustFailures(collection(), COLLECTION)).toEqual([]);
    // the embedded annotation may also keep its own @context
    expect(mustFailures(collection(page([annotation()])), COLLECTION)).toEqual([]);
  });

  it('accepts the collection as "an Annotation Collection with an embedded Page" for pageMusts', () => {
    expect(mustFailures(collection(), PAGE)).toEqual([]);
  });

  it('accepts the page on its own with @context and partOf omitted or an object', () => {
    const withoutPartOf = { '@context': CONTEXT, ...page() };
    expect(mustFailures(withoutPartOf, PAGE)).toEqual([]);
    expect(mustFailures(standalonePage(), PAGE)).toEqual([]);
    expect(
      mustFailures({ ...standalonePage(), partOf: { id: 'urn:xinzhi:export:e-1' } }, PAGE),
    ).toEqual([]);
  });

  it('rejects a page whose partOf is a plain string (quirk of the W3C assertions)', () => {
    for (const partOf of ['urn:xinzhi:export:e-20261123', ['urn:xinzhi:export:e-20261123']]) {
      const failures = mustFailures({ ...standalonePage(), partOf }, PAGE);
      // 5.2-pagePartOfValidated itself accepts it; the checks of the collection's description
      // under partOf (total, label, first, last, created, modified, rights) demand an object.
      expect(failures.map((f) => f.split(':')[0])).toEqual([
        'collections/pages/5.2-pageTotalValidated.json',
        'collections/pages/5.2-pageLabelValidated.json',
        'collections/pages/5.2-pageFirstValidated.json',
        'collections/pages/5.2-pageLastValidated.json',
        'collections/pages/3.3.1-pageCreatedValidated.json',
        'collections/pages/3.3.1-pageModifiedValidated.json',
        'collections/pages/3.3.6-pageRightsValidated.json',
      ]);
    }
  });

  it('does not look inside items beyond their type, so items need annotationMusts separately', () => {
    const bad = { ...embeddedAnnotation(), created: 'yesterday' };
    expect(mustFailures(collection(page([bad])), COLLECTION)).toEqual([]);
    expect(mustFailures({ '@context': CONTEXT, ...page([bad]) }, PAGE)).toEqual([]);
    expect(mustFailures({ '@context': CONTEXT, ...bad }, ANNOTATION)).not.toEqual([]);
    // and an item stripped of @context is not a conforming annotation on its own
    expect(mustFailures(embeddedAnnotation(), ANNOTATION)).toEqual([
      expect.stringContaining('3.1-annotationContextValidated.json'),
    ]);
  });

  const brokenCollections: Array<[string, Json, string]> = [
    ['a non-integer total', { ...collection(), total: 1.5 }, '5.1-collectionTotalValidated.json'],
    ['a string total', { ...collection(), total: '1' }, '5.1-collectionTotalValidated.json'],
    ['a negative total', { ...collection(), total: -1 }, '5.1-collectionTotalValidated.json'],
    [
      'a total but no first',
      { ...collection(), first: undefined },
      '5.1-collectionFirstValidated.json',
    ],
    ['the wrong type', { ...collection(), type: 'Collection' }, '5.1-collectionTypeValidated.json'],
    [
      'no @context',
      { ...collection(), '@context': undefined },
      '5.1-collectionContextValidated.json',
    ],
  ];

  it.each(brokenCollections)('rejects a collection with %s', (_name, doc, assertion) => {
    const failures = mustFailures(doc, COLLECTION);
    expect(failures.length).toBeGreaterThan(0);
    expect(
      failures.some((f) => f.includes(assertion)),
      failures.join('\n'),
    ).toBe(true);
  });

  const brokenPages: Array<[string, Json, string]> = [
    ['no @context', page(), '5.2-pageContextValidated.json'],
    [
      'a negative startIndex',
      { ...standalonePage(), startIndex: -1 },
      '5.2-pageStartIndexValidated.json',
    ],
    ['no items', { ...standalonePage(), items: undefined }, '5.2-pageItemsValidated.json'],
    [
      'an item that is not an Annotation',
      { ...standalonePage(), items: [{ ...embeddedAnnotation(), type: 'Note' }] },
      '5.2-pageItemsValidated.json',
    ],
    ['the wrong type', { ...standalonePage(), type: 'Page' }, '5.2-pageTypeValidated.json'],
  ];

  it.each(brokenPages)('rejects a page with %s', (_name, doc, assertion) => {
    const failures = mustFailures(doc, PAGE);
    expect(failures.length).toBeGreaterThan(0);
    expect(
      failures.some((f) => f.includes(assertion)),
      failures.join('\n'),
    ).toBe(true);
  });
});

describe('date-time format (time zone required)', () => {
  it.each([
    ['2026-11-23T10:00:00.000Z', true],
    ['2026-11-23T10:00:00Z', true],
    ['2026-11-23t10:00:00z', true],
    ['2026-11-23T18:00:00+08:00', true],
    ['2024-02-29T00:00:00Z', true],
    ['2026-11-23T10:00:00.000', false],
    ['2026-11-23T18:00:00+0800', false],
    ['2026-11-23', false],
    ['2026-02-29T00:00:00Z', false],
    ['2026-13-01T00:00:00Z', false],
    ['2026-11-23T24:00:00Z', false],
  ])('%s → %s', (value, ok) => {
    expect(isDateTimeWithZone(value)).toBe(ok);
  });
});

describe('.test semantics', () => {
  const noTargetWrongType = (): Json => {
    const doc = annotation();
    delete doc.target;
    doc.type = 'Highlight';
    return doc;
  };
  const paths = (failures: string[]) => failures.map((f) => f.split(':')[0]);

  it('resolves paths without a slash against the .test folder and honours failAndContinue', () => {
    const test = {
      assertions: [
        [{ assertionFile: '3.1-targetKeyFound.json' }, '3.2-targetObjectsRecognized.json'],
        'annotations/3.1-annotationTypeValidated.json',
      ],
    };
    expect(paths(mustFailuresOfTest(test, noTargetWrongType(), 'annotations'))).toEqual([
      'annotations/3.1-targetKeyFound.json (as overridden at <inline test>[0][0])',
      'annotations/3.2-targetObjectsRecognized.json',
      'annotations/3.1-annotationTypeValidated.json',
    ]);
  });

  it('failAndSkip stops the current list only', () => {
    const test = {
      assertions: [
        [
          {
            assertionFile: 'annotations/3.1-targetKeyFound.json',
            onUnexpectedResult: 'failAndSkip',
          },
          'annotations/3.2-targetObjectsRecognized.json',
        ],
        'annotations/3.1-annotationTypeValidated.json',
      ],
    };
    expect(paths(mustFailuresOfTest(test, noTargetWrongType()))).toEqual([
      'annotations/3.1-targetKeyFound.json (as overridden at <inline test>[0][0])',
      'annotations/3.1-annotationTypeValidated.json',
    ]);
  });

  it('passAndSkip (and succeedAndSkip) skips without counting a failure', () => {
    for (const onUnexpectedResult of ['passAndSkip', 'succeedAndSkip']) {
      const test = {
        assertions: [
          [
            { assertionFile: 'annotations/3.1-targetKeyFound.json', onUnexpectedResult },
            'annotations/3.2-targetObjectsRecognized.json',
          ],
          'annotations/3.1-annotationTypeValidated.json',
        ],
      };
      expect(paths(mustFailuresOfTest(test, noTargetWrongType()))).toEqual([
        'annotations/3.1-annotationTypeValidated.json',
      ]);
    }
  });

  it('failAndAbort stops the whole test; passAndContinue never fails', () => {
    const abort = {
      assertions: [
        {
          assertionFile: 'annotations/3.1-targetKeyFound.json',
          onUnexpectedResult: 'failAndAbort',
        },
        'annotations/3.1-annotationTypeValidated.json',
      ],
    };
    expect(paths(mustFailuresOfTest(abort, noTargetWrongType()))).toEqual([
      'annotations/3.1-targetKeyFound.json (as overridden at <inline test>[0])',
    ]);
    const lenient = {
      assertions: [
        {
          assertionFile: 'annotations/3.1-targetKeyFound.json',
          onUnexpectedResult: 'passAndContinue',
        },
      ],
    };
    expect(mustFailuresOfTest(lenient, noTargetWrongType())).toEqual([]);
  });

  it('reports only must assertions, but still follows the control flow of the others', () => {
    const should = {
      assertions: [
        {
          assertionFile: 'annotations/3.1-targetKeyFound.json',
          assertionType: 'should',
          onUnexpectedResult: 'failAndSkip',
        },
        'annotations/3.1-annotationTypeValidated.json',
      ],
    };
    expect(mustFailuresOfTest(should, noTargetWrongType())).toEqual([]);
    expect(mustFailuresOfTest(should, { ...annotation(), type: 'Highlight' })).toHaveLength(1);
  });

  it('combines compound entries with compareWith and/or and reports them as one', () => {
    const hasBodyValue = { type: 'object', required: ['bodyValue'] };
    const compound = (compareWith: 'and' | 'or') => ({
      assertions: [
        {
          compareWith,
          errorMessage: `body ${compareWith} bodyValue`,
          assertions: ['annotations/3.1-bodyKeyFound.json', hasBodyValue],
        },
      ],
    });
    const withBody = annotation();
    const withNeither = annotation();
    delete withNeither.body;
    expect(mustFailuresOfTest(compound('or'), withBody)).toEqual([]);
    expect(mustFailuresOfTest(compound('or'), withNeither)).toEqual([
      '<inline test>[0] (or): body or bodyValue',
    ]);
    expect(mustFailuresOfTest(compound('and'), withBody)).toEqual([
      '<inline test>[0] (and): body and bodyValue',
    ]);
  });

  it('honours expectedResult: invalid', () => {
    const test = {
      assertions: [
        {
          title: 'no bodyValue',
          type: 'object',
          required: ['bodyValue'],
          expectedResult: 'invalid',
          errorMessage: 'bodyValue is not used by Xinzhi',
        },
      ],
    };
    expect(mustFailuresOfTest(test, annotation())).toEqual([]);
    expect(mustFailuresOfTest(test, { ...annotation(), bodyValue: 'x' })).toEqual([
      '<inline test>[0] (inline): no bodyValue: bodyValue is not used by Xinzhi',
    ]);
  });

  it('refuses unknown onUnexpectedResult values instead of guessing', () => {
    const test = {
      assertions: [
        { assertionFile: 'annotations/3.1-targetKeyFound.json', onUnexpectedResult: 'ignore' },
      ],
    };
    expect(() => mustFailuresOfTest(test, annotation())).toThrow(/onUnexpectedResult/);
  });
});
