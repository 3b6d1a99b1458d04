import {finalReplacement, type GlossaryEntry} from '../glossary.js';
import {formatDataDate} from '../kamerbrief/dates.js';
import {matchCase, withoutLayout, type TermMatch} from '../matcher.js';
import {defineRule, type DocumentRule} from '../rule.js';
import {DEPRECATED, entryNumberOf, summariesOf} from '../matchSummary.js';
import {shortFormAfter, writesOut} from './acronyms.js';
import {FINISHING_LEAVES_ALONE, changeStated, documentDay, historicalUse, inRegisteredTitle, inSeveralWords, nameInCapitals, supersededAt, undated} from './termContext.js';

/**
 * A written-out name in lower case where the name has capitals (`de Russische militaire inlichtingendienst GRU`,
 * `de Duitse binnenlandse veiligheidsdienst`): a common noun for a kind of service, not the superseded name.
 */
function commonNoun(m: TermMatch): boolean {
  return m.form.writtenOut && m.surface === m.surface.toLowerCase() && m.form.text !== m.form.text.toLowerCase();
}

/** An entry that is a name in words with no short form of its own (`Commissie van Toezicht betreffende …`). */
function nameInWords(entry: GlossaryEntry): boolean {
  return entry.expansions.length === 0 && inSeveralWords(entry.term);
}

export const termDeprecated = defineRule<DocumentRule>({
  scope: 'document',
  meta: {
    id: 'term/deprecated',
    tags: ['terminology', 'glossary', 'dates'],
    description: {
      nl: 'Een verouderde term, met de term die hem verving en sinds wanneer. Een tekst van vóór die datum, en een zin over vroeger of een verwijzing naar een oud artikel, mogen de oude naam gebruiken.',
      en: 'A superseded term, with the term that replaced it and since when. A text dated before the change, and a sentence about the past or a citation of an old provision, may use the old name.',
    },
    defaultSeverity: 'warning',
    fixable: true,
    leavesAlone: {
      nl: [
        'Een document waarvan de datum (Datum, «Den Haag, …», een onderschrift onder de titel, front matter `date:`, een jaartal in de titel, `.rubric.yaml` of `--date`) vóór de wijziging ligt; een datum die alleen een jaar is, telt vanaf het begin van dat jaar. Een wijziging die de woordenlijst alleen met een jaar (of maand) dateert, geldt pas vanaf het jaar (de maand) daarna: in het jaar zelf kan de oude naam nog juist zijn.',
        'Een document zonder datum dat de nieuwe term nergens noemt: de melding is dan alleen informatie, één keer per term, met de vraag de datum op te geven.',
        'De geregistreerde titel van een Kamerstukdossier in de kop van een gepubliceerd Kamerstuk.',
        'Geschiedenis: «de toenmalige BVD», «oud-BVD’ers», een jaartal van vóór de wijziging in de alinea (niet dat in de naam van een wet als «de Wiv 2017»), «onder de Wiv 2002 kon dat niet», «de BVD in de jaren vijftig», «tijdens de Koude Oorlog», «een historisch onderzoek naar de BVD», «het archief van de BVD».',
        'De titel van een aangehaald Kamerstuk in een agenda of lijst van brieven («… het handelen van de BVD (Kamerstuk 29 924, nr. 268);»), ook over meer regels.',
        'Uitleg naast de nieuwe naam, ook na een puntkomma («Sinds augustus 2022 heet TLP:WHITE TLP:CLEAR»), en de oude naam in één samenstelling met de nieuwe («het BVD-AIVD-dossier», «het BVD/AIVD-archief»). Noemt de tekst de wijziging zelf, dan is de oude naam elders in de tekst alleen een info: hij kan beschrijven wat was.',
        'Een verwijzing naar een oud artikel of een handeling op de oude wet («art. 39 Wiv 2002», «Wijziging van de Wiv 2002»).',
        'De uitgeschreven naam in kleine letters, als soortnaam («de Russische militaire inlichtingendienst GRU», «de Duitse binnenlandse veiligheidsdienst»).',
        ...FINISHING_LEAVES_ALONE.nl,
      ],
      en: [
        'A document whose date (Datum, "Den Haag, …", a byline under the title, front matter `date:`, a year in the title, `.rubric.yaml` or `--date`) lies before the change; a date known only as a year counts from that year\'s start. A change the glossary dates by its year (or month) alone holds from the next year (month): in that year itself the old name may still be right.',
        'A document without a date that nowhere names the new term: the finding is then information only, once per term, asking for the date.',
        'The registered title of a Kamerstuk dossier in the head of a published Kamerstuk.',
        'History: "de toenmalige BVD", "oud-BVD’ers", a year before the change in the paragraph (not the one in the name of a law such as "de Wiv 2017"), "onder de Wiv 2002 kon dat niet", "de BVD in de jaren vijftig", "tijdens de Koude Oorlog", "een historisch onderzoek naar de BVD", "het archief van de BVD".',
        'The title of a cited parliamentary paper in an agenda or list of letters ("… het handelen van de BVD (Kamerstuk 29 924, nr. 268);"), also over several lines.',
        'An explanation beside the new name, also after a semicolon ("Sinds augustus 2022 heet TLP:WHITE TLP:CLEAR"), and the old name in one compound with the new one ("het BVD-AIVD-dossier", "het BVD/AIVD-archief"). Where the text itself names the change, the old name elsewhere in it is only info: it may describe what was.',
        'A citation of an old provision or an act on the old law ("art. 39 Wiv 2002", "Wijziging van de Wiv 2002").',
        'The written-out name in lower case, as a common noun ("de Russische militaire inlichtingendienst GRU", "de Duitse binnenlandse veiligheidsdienst").',
        ...FINISHING_LEAVES_ALONE.en,
      ],
    },
    examples: {
      bad: ['De BVD volgt de groep.', 'Een verzoek op grond van de Wob.', 'Gedeeld als TLP:WHITE.', 'Met de GA bepalen de ministers de onderwerpen.'],
      good: [
        'De AIVD volgde de groep.',
        'Een verzoek op grond van de Woo.',
        'De toenmalige BVD volgde de groep al in 1998.',
        'Een historisch onderzoek naar de BVD in de jaren vijftig.',
        'Sinds augustus 2022 heet TLP:WHITE TLP:CLEAR.',
        'Dat volgt uit art. 39 Wiv 2002.',
        '---\ndate: 2017-03-14\n---\n\nDe wet kent een nieuw instrument: de Geïntegreerde Aanwijzing (GA).',
        '---\ndate: 2015-06-01\n---\n\nDe minister van Veiligheid en Justitie stuurt de brief op grond van de Wiv 2002.',
      ],
    },
  },
  check(ctx, report) {
    const day = documentDay(ctx);
    // A text without a date may be older than the change; unless it names the new term too, it is told so, softly.
    const unsure = undated(ctx);
    const summaries = summariesOf(ctx);
    // The entries the text names, by number, gathered only when a deprecated one is met.
    let named: Uint8Array | undefined;
    const names = (term: string) => {
      if (!named) {
        named = new Uint8Array(ctx.data.entries.length);
        for (const s of summaries) named[entryNumberOf(s)] = 1;
      }
      const entry = ctx.data.byTerm.get(term);
      return entry !== undefined && named[ctx.data.entryNumber.get(entry)!] === 1;
    };
    const told = new Set<string>();
    /** Old short forms the document gives the new name itself (`Geïntegreerde Aanwijzing Inlichtingen en Veiligheid (GA)`). */
    const ownForms = new Set<string>();
    const {matches, text} = ctx;
    for (let i = 0; i < matches.length; i++) {
      if (!(summaries[i] & DEPRECATED)) continue;
      const m = matches[i];
      const dep = m.form.entry.deprecated;
      if (!dep || !supersededAt(m.form.entry, day)) continue;
      const own = `${m.form.entry.term}\u0000${m.surface}`;
      if (ownForms.has(own)) continue;
      const prev = matches[i - 1];
      const target = ctx.data.byTerm.get(dep.replacement);
      if (!m.form.writtenOut && prev && target && writesOut(prev, target) && shortFormAfter(text, prev, m)) {
        // Reported once where the document introduces it, not at every use after.
        ownForms.add(own);
        report({
          start: m.start, end: m.end, actual: m.surface, expected: dep.replacement,
          fix: {start: m.start, end: m.end, text: dep.replacement},
          message: {
            nl: `Het document kort «${withoutLayout(prev.surface)}» af als «${m.surface}», de afkorting van vóór ${formatDataDate(dep.since, 'nl')}; schrijf «${dep.replacement}».`,
            en: `The document shortens "${withoutLayout(prev.surface)}" to "${m.surface}", the short form from before ${formatDataDate(dep.since, 'en')}; write "${dep.replacement}".`,
          },
        });
        continue;
      }
      if (historicalUse(ctx, m) || inRegisteredTitle(ctx, m) || commonNoun(m)) continue;
      let replacement = finalReplacement(m.form.entry, ctx.data.byTerm);
      // A written-out old name is replaced by the new one written out, also an old name that is an entry of its own
      // (`Commissie van Toezicht betreffende …`, in any case: `COMMISSIE VAN TOEZICHT BETREFFENDE …` on a cover).
      if ((m.form.writtenOut || (target && m.alsoWritesOut?.includes(target)) || nameInWords(m.form.entry)) && target?.expansions.length) replacement = target.expansions[0];
      // A name set in capitals keeps them (a cover, a letterhead).
      replacement = nameInCapitals(m.surface) ? replacement.toUpperCase() : matchCase(m.surface, replacement, m.sentenceStart);
      const soft = unsure && !names(finalReplacement(m.form.entry, ctx.data.byTerm));
      // Unsure: said once per term; its fix is still there for a text that is in fact current.
      if (soft && told.has(m.form.entry.term)) continue;
      if (soft) told.add(m.form.entry.term);
      // A text that says the old name became the new one is about the change: elsewhere it may describe what was.
      const aboutChange = !soft && changeStated(ctx, m.form.entry);
      const hint = soft
        ? {nl: ' De tekst heeft geen datum: is hij ouder, geef die dan op (front matter `date:` of --date).', en: ' The text has no date: if it is older, give it (front matter `date:` or --date).'}
        : aboutChange
          ? {nl: ' De tekst noemt de wijziging zelf: gaat het hier over de oude situatie, dan kan de naam blijven.', en: ' The text itself names the change: where it speaks of what was, the name can stay.'}
          : {nl: '', en: ''};
      report({
        ...(soft || aboutChange ? {atMost: 'info' as const} : {}),
        start: m.start,
        end: m.end,
        actual: m.surface,
        expected: replacement,
        // A law replaced by another is not renamed: the sentence needs rewriting, not a new name.
        ...(dep.renamed === false ? {} : {fix: {start: m.start, end: m.end, text: replacement}}),
        message: {
          nl: `«${m.surface}» is verouderd: sinds ${formatDataDate(dep.since, 'nl')} «${replacement}».${dep.note ? ` ${dep.note}` : ''}${hint.nl}`,
          en: `"${m.surface}" is outdated: "${replacement}" since ${formatDataDate(dep.since, 'en')}.${dep.note ? ` ${dep.note}` : ''}${hint.en}`,
        },
      });
    }
  },
});
