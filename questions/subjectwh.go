package questions

import (
	"slices"
	"strings"
)

// subjectQuestions ask the key facts an encyclopedia states of its
// subject in a passive clause, as the short direct question a teacher
// would write: "The Star ... was created in 1892 by ..." becomes "In what
// year was the Toronto Star created?", "The portrait was painted by
// Titian" becomes "Who painted the Portrait of ...?", and "The Star
// (originally known as the Evening Star ...)" becomes "What was the
// Toronto Star originally called?". A cloze of such a sentence carries
// the rest of a long sentence, and often another fact beside the one it
// asks; the question asks one.
func (g *generator) subjectQuestions(i int) []Question {
	stem, at, shift, ok := g.stem(i)
	if !ok {
		// a sentence too long or too loose for a blank may still open
		// with its subject's name and state a fact of it plainly: only
		// that fact is asked, none of the rest is shown
		stem, at, shift = g.sents[i].Text, 0, 0
		if referenceSection(g.sents[i].Section) || g.sents[i].Item || !endsProperly(stem) || !latinScript(stem) {
			return nil
		}
	}
	// "In 1883, the club was founded": the date before the subject
	var fronted Span
	n := g.subjectOpening(stem)
	if n == 0 && (strings.HasPrefix(stem, "In ") || strings.HasPrefix(stem, "On ")) {
		if c := strings.Index(stem, ", "); c > 0 && c < 40 {
			for _, f := range g.factsIn(KindDate, i) {
				sp := f.span
				if sp.Start >= at {
					sp = Span{sp.Start + shift, sp.End + shift}
				}
				if sp.Start == 3 && sp.End == c {
					fronted = sp
				}
			}
			if fronted.End > 0 {
				if m := g.subjectOpening(capitaliseFirst(stem[c+2:])); m > 0 {
					n = c + 2 + m
				}
			}
		}
	}
	if n == 0 {
		return nil
	}
	rest := stem[n:]
	var out []Question
	if strings.HasPrefix(rest, " (") {
		if q := g.originalName(i, rest); q != nil {
			out = append(out, *q)
		}
		end := strings.IndexByte(rest, ')')
		if end < 0 {
			return nil
		}
		rest = rest[end+1:]
	}
	return append(out, g.passiveQuestions(i, stem, rest, at, shift, fronted)...)
}

// passiveQuestions ask for the agent or the date of a passive clause on
// the subject: rest is the stem after the subject's name; fronted is a
// date phrase before the subject ("In 1883, the club was founded"), or
// the empty span.
func (g *generator) passiveQuestions(i int, stem, rest string, at, shift int, fronted Span) []Question {
	ws := strings.Fields(rest)
	if len(ws) < 3 {
		return nil
	}
	aux := ws[0]
	restAt := len(stem) - len(rest)
	if aux != "was" && aux != "is" || !strings.HasPrefix(rest, " "+aux+" ") {
		return nil // "were", "are": the subject is not one thing
	}
	adverb := ""
	if subjectAdverbs[ws[1]] {
		adverb, ws = ws[1], append([]string{aux}, ws[2:]...)
	}
	verb := ws[1]
	key := " " + join(adverb, verb) + " "
	if !strings.HasPrefix(rest, " "+aux+key) {
		return nil
	}
	from := restAt + len(aux) + len(key) // where the clause goes on after the participle
	if ws[1] == "a" || ws[1] == "an" {
		// "American Beauty is a 1999 American drama film directed by Sam
		// Mendes": the participle after the class it is
		// Mendes", "Dracula is an 1897 Gothic horror novel by Bram
		// Stoker": the participle after the class it is, or the work's
		// own noun
		verb = ""
		aside := false
		for j := 2; j+1 < len(ws) && j < 16; j++ {
			if strings.HasPrefix(ws[j-1], "(") {
				aside = true
			}
			if aside {
				aside = !strings.HasSuffix(ws[j-1], ")")
				continue // "a 1993 first-person shooter (FPS) video game developed by"
			}
			if strings.ContainsAny(ws[j-1], ",;") {
				break
			}
			w := ws[j]
			if ws[j+1] != "by" || strings.ContainsAny(w, ",;()") {
				continue
			}
			if agentVerbs[w] != "" {
				verb = w
			} else if v := workMakers[w]; v != "" {
				verb = v
			} else {
				continue
			}
			aux, fronted = "was", Span{}
			if presentAgents[verb] {
				aux = "is"
			}
			from = restAt + strings.Index(rest, " "+w+" by ") + len(w) + 2
			break
		}
	}
	if agentVerbs[verb] == "" && !onceVerbs[verb] || from <= restAt {
		return nil
	}
	// the clause ends at its first comma or conjunction: "was created in
	// 1892 by striking printers, led by ..." asks nothing of the leader
	end := len(stem)
	for _, stop := range []string{",", ";", " and ", " which ", " who ", " after ", " when ", " while ", " but ", " as ", " until "} {
		if k := strings.Index(stem[from:], stop); k >= 0 && from+k < end {
			end = from + k
		}
	}
	subject := g.subjectPhrase()
	var out []Question
	for _, k := range []Kind{KindPerson, KindOrganisation, KindName, KindDate} {
		for _, f := range g.factsIn(k, i) {
			sp := f.span
			if sp.Start >= at {
				sp = Span{sp.Start + shift, sp.End + shift}
			}
			if sp.End > len(stem) {
				continue
			}
			prep := lastWordBefore(stem, sp)
			phrase := prep
			if k == KindPerson && prep != "by" {
				if phrase = makerPhrase(stem, sp); phrase != "" {
					prep = "by" // "by Irish author Bram Stoker"
				}
			}
			inClause := sp.Start > from && sp.Start < end && nextToVerb(stem[from:max(from, sp.Start-len(phrase)-1)])
			var prompt string
			switch {
			case k != KindDate && inClause && prep == "by" && agentVerbs[verb] != "":
				if aux == "was" {
					prompt = "Who " + join(adverb, agentVerbs[verb]) + " " + subject + "?"
				} else {
					prompt = "Who is " + subject + " " + join(adverb, verb) + " by?" // "Who is the Toronto Star owned by?"
				}
			case k == KindDate && (inClause || sp == fronted) && (prep == "in" || prep == "on") && onceVerbs[verb] && aux == "was":
				if isDigits(f.Text) {
					prompt = "In what year was " + subject + " " + join(adverb, verb) + "?"
				} else {
					prompt = "When was " + subject + " " + join(adverb, verb) + "?"
				}
			default:
				continue
			}
			out = append(out, g.subjectQuestion(f, stem, sp, prompt)...)
		}
	}
	return out
}

// subjectQuestion makes the multiple choice and, for a name, the typed
// answer of one subject question on fact f at sp in stem.
func (g *generator) subjectQuestion(f *Fact, stem string, sp Span, prompt string) []Question {
	after := strings.TrimSpace(stem[sp.End:])
	if strings.HasPrefix(after, ", ") && startsUpper(strings.TrimPrefix(after, ", ")) {
		return nil // "composed by Kristoffer Fogelmark, Kristian Lundin, ...": one of several
	}
	if strings.HasPrefix(after, "and ") && startsUpper(strings.TrimPrefix(after, "and ")) ||
		strings.HasPrefix(after, "or ") || strings.HasPrefix(after, "with ") || strings.HasPrefix(after, "& ") ||
		strings.HasPrefix(after, "–") || strings.HasPrefix(after, "-") || strings.HasPrefix(after, "to ") {
		return nil // "by Rodgers and Hammerstein", "in 1503–1506": the answer is not all of it
	}
	if f.Kind == KindDate && (inRange(stem, sp) || openEnded(stem, sp)) {
		return nil
	}
	if givesAway(prompt, f.Text) || g.isSubject(f.Text) {
		return nil
	}
	src := g.sents[f.sentence].Text
	base := Question{Prompt: prompt, Answer: f.Text, Source: src, Section: f.Section, Kind: f.Kind,
		Score: g.textScore(f.sentence) + kindWeight[f.Kind] + 0.12, keyFact: true}
	var out []Question
	// no option the sentence names: "along with another future mayor,
	// Jimmy Simpson" may have done it too
	wrong := slices.DeleteFunc(g.distractors(f, f.Text, prompt), func(d string) bool { return strings.Contains(src, d) })
	if len(wrong) >= 3 && f.Kind != KindOrganisation && f.Kind != KindName {
		q := base
		q.Type = MultipleChoice
		q.Options = g.shuffle(prompt, append([]string{f.Text}, wrong[:3]...))
		q.Score += typeWeight[MultipleChoice]
		out = append(out, q)
	}
	if f.Kind == KindOrganisation || f.Kind == KindName || f.Kind == KindPerson && !(givenNames[strings.ToLower(f.Text)] || g.firstNames()[f.Text]) {
		q := base
		q.Type = FillBlank
		q.Accepted = g.acceptedForms(f, f.Text)
		q.Score += typeWeight[FillBlank]
		out = append(out, q)
	}
	return out
}

// originalName asks for the subject's first name where an aside gives it:
// "The Star (originally known as the Evening Star and then ...)".
func (g *generator) originalName(i int, rest string) *Question {
	inner, _, ok := strings.Cut(strings.TrimPrefix(rest, " ("), ")")
	if !ok {
		return nil
	}
	ws := strings.Fields(inner)
	if len(ws) < 3 || (ws[0] != "originally" && ws[0] != "formerly") {
		return nil
	}
	j := 1
	switch {
	case ws[1] == "known" && len(ws) > 3 && ws[2] == "as":
		j = 3
	case ws[1] == "called" || ws[1] == "named":
		j = 2
	default:
		return nil
	}
	the := false
	if ws[j] == "the" || ws[j] == "The" {
		the, j = true, j+1
	}
	var name []string
	for ; j < len(ws); j++ {
		w := strings.TrimRight(ws[j], ",;")
		if !startsUpper(w) && !(len(name) > 0 && connectors[w]) {
			break
		}
		name = append(name, w)
		if w != ws[j] {
			break
		}
	}
	for len(name) > 0 && connectors[name[len(name)-1]] {
		name = name[:len(name)-1]
	}
	if len(name) == 0 {
		return nil
	}
	answer := strings.Join(name, " ")
	prompt := "What was " + g.subjectPhrase() + " " + ws[0] + " called?"
	if g.norm(answer) == g.norm(g.subject) || givesAway(prompt, answer) {
		return nil // "the Evening Star" for the Toronto Star: the stem says half of it
	}
	q := Question{Type: FillBlank, Prompt: prompt, Answer: answer, Source: g.sents[i].Text, Section: g.sents[i].Section,
		Kind: KindName, Score: g.textScore(i) + kindWeight[KindName] + 0.12 + typeWeight[FillBlank], keyFact: true}
	if the {
		q.Accepted = []string{"the " + answer}
	}
	return &q
}

// subjectOpening returns the length of the stem's opening words when they
// name the article's subject ("The Star", "The newspaper", "Ibn
// al-Haytham"), or 0.
func (g *generator) subjectOpening(stem string) int {
	for _, s := range []string{g.subject, g.subjectRef, strings.TrimPrefix(g.subject, "the ")} {
		if s != "" && strings.HasPrefix(stem, capitaliseFirst(s)+" ") {
			return len(s)
		}
	}
	ws := strings.Fields(stem)
	if len(ws) < 2 || ws[0] != "The" {
		return 0
	}
	if g.heads[strings.ToLower(ws[1])] && !startsUpper(ws[1]) {
		return len("The " + ws[1]) // "The newspaper was renamed ..."
	}
	j := 1
	for j < len(ws) && startsUpper(ws[j]) {
		j++
	}
	name := strings.Join(ws[:j], " ")
	if j > 1 && g.isSubject(name) {
		return len(name)
	}
	return 0
}

// subjectPhrase is how a question names the subject inside a sentence:
// "the Toronto Star", "Ibn al-Haytham", "the lion".
func (g *generator) subjectPhrase() string {
	s := g.subjectRef
	if bare, ok := strings.CutPrefix(s, "the "); ok && len(g.sents) > 0 && strings.HasPrefix(g.sents[0].Text, bare+" ") {
		return bare // "American Beauty is a 1999 American drama film": no "the"
	}
	return s
}

// makerPhrase returns the words before a person's name when they are
// "by" and a role ("by Irish author", "by the architect"), else "".
func makerPhrase(stem string, sp Span) string {
	ws := strings.Fields(stem[:sp.Start])
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-4; k-- {
		w := ws[k]
		if w == "by" {
			if k == len(ws)-1 || !occupationWord(strings.ToLower(ws[len(ws)-1])) {
				return ""
			}
			return strings.Join(ws[k:], " ") // the gap the caller skips
		}
		if strings.ContainsAny(w, ",;()") {
			return ""
		}
	}
	return ""
}

// nextToVerb reports whether the words between a participle and the
// phrase asked keep the phrase the participle's own: none, or a date or
// an agent ("created in 1892 by", "founded by Hocken in"); not "released
// on VHS on May 9, 2000", the film's second release.
func nextToVerb(gap string) bool {
	gap = strings.TrimSpace(gap)
	if gap == "" {
		return true
	}
	w := strings.Fields(gap)
	if len(w) > 5 {
		return false
	}
	switch w[0] {
	case "in", "on":
		return len(FindDates(gap)) == 1
	case "by":
		return len(w) > 1 && startsUpper(w[1])
	}
	return false
}

func join(adverb, verb string) string {
	if adverb == "" {
		return verb
	}
	return adverb + " " + verb
}

// subjectAdverbs may stand between "was" and the participle and stay in
// the question ("first published").
var subjectAdverbs = wordSet(`originally|first|initially|officially|formally|jointly`)

// workMakers are the nouns of works named with their maker's "by" ("a
// novel by", "a tragedy by"), with the verb that asks for the maker.
var workMakers = map[string]string{
	"novel": "written", "novella": "written", "poem": "written", "play": "written", "tragedy": "written",
	"comedy": "written", "book": "written", "story": "written", "essay": "written", "memoir": "written",
	"painting": "painted", "portrait": "painted", "fresco": "painted", "opera": "composed",
	"symphony": "composed", "concerto": "composed", "oratorio": "composed", "sculpture": "sculpted",
	"statue": "sculpted", "treatise": "written", "manuscript": "written",
}

// presentAgents hold what they do for as long as the thing is: "a
// newspaper owned by" asks "Who is it owned by?", not who owned it.
var presentAgents = wordSet(`owned|operated|published|edited|managed|run`)

// onceVerbs happen to a thing once, so that "when" has one answer:
// "renamed", "moved", "rebuilt" or "visited" may have happened often.
var onceVerbs = wordSet(`founded|established|created|formed|built|constructed|erected|opened|inaugurated|launched|completed|published|released|premiered|born|discovered|invented|incorporated|commissioned|consecrated|signed|ratified|enacted|written|painted|composed|designed|unveiled|fought|begun|started|introduced|conceived|founded|laid|dedicated|chartered|coined|devised|patented|recorded|filmed|broadcast|aired|issued`)

// agentVerbs map the participles of what someone makes or has to their
// past tense, for "Who founded ...?".
var agentVerbs = map[string]string{
	"founded": "founded", "established": "established", "created": "created", "formed": "formed",
	"built": "built", "constructed": "constructed", "designed": "designed", "written": "wrote",
	"directed": "directed", "produced": "produced", "painted": "painted", "composed": "composed",
	"developed": "developed", "invented": "invented", "discovered": "discovered", "owned": "owned",
	"published": "published", "operated": "operated", "coined": "coined", "commissioned": "commissioned",
	"sculpted": "sculpted", "illustrated": "illustrated", "edited": "edited", "described": "described",
	"manufactured": "manufactured", "drawn": "drew", "begun": "began", "started": "started",
	"organized": "organized", "organised": "organised", "recorded": "recorded", "translated": "translated",
	"conceived": "conceived", "devised": "devised", "proposed": "proposed", "introduced": "introduced",
	"engineered": "engineered", "photographed": "photographed", "filmed": "filmed", "authored": "authored",
	"sung": "sang", "performed": "performed", "named": "named", "patented": "patented",
}
