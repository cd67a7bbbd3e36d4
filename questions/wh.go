package questions

import (
	"slices"
	"strings"
	"unicode"
)

// acronymQuestions ask what an abbreviation stands for, as a multiple
// choice among expansions with its initials only: typed, "What does TLS
// stand for?" has the expansions of every field the learner knows (the
// reviews passed about two in five).
func (g *generator) acronymQuestions(f *Fact) []Question {
	if len(f.Subject) < 3 || commonAcronyms[strings.ToUpper(strings.ReplaceAll(f.Subject, ".", ""))] || g.titleGivesAway(f.Text) {
		return nil // "What does UN stand for?" tests nothing the article taught
	}
	base := Question{Prompt: "What does " + f.Subject + " stand for?", Answer: f.Text,
		Source: g.sents[f.sentence].Text, Section: f.Section, Kind: KindAcronym,
		Score: g.textScore(f.sentence) + kindWeight[KindAcronym] + 0.1}
	var out []Question
	var wrong []string
	for _, o := range append(g.distinct[KindAcronym], g.distinct[KindOrganisation]...) {
		t := o.Text
		if len(strings.Fields(t)) >= 2 && !g.sharesWord(t, f.Text) && !isAcronym(t) && initials(t) == initials(f.Text) {
			// only options with the key's initials: otherwise the
			// abbreviation alone picks the answer
			wrong = append(wrong, t)
		}
	}
	wrong = dedupe(wrong, f.Text)
	if len(wrong) >= 3 {
		q := base
		q.Type = MultipleChoice
		q.Options = g.shuffle(q.Prompt, append([]string{f.Text}, wrong[:3]...))
		q.Score += typeWeight[MultipleChoice]
		out = append(out, q)
	}
	return out
}

// definitionQuestions turn "Niamey, the capital of Niger," into "What is
// the capital of Niger?". Only definite descriptions ("the ... of ...")
// name one thing, so only they make questions.
func (g *generator) definitionQuestions(f *Fact) []Question {
	def := f.Text
	ld := strings.ToLower(def)
	head, of, ok := strings.Cut(strings.TrimPrefix(ld, "the "), " of ")
	if !strings.HasPrefix(ld, "the ") || !ok || !definingHead(head) ||
		strings.HasPrefix(of, "a ") || strings.HasPrefix(of, "an ") {
		return nil // "the son of a Moravian peasant" is one of many
	}
	if w := strings.Fields(def); len(w) > 1 && startsUpper(w[1]) {
		return nil // "Portugal, the Isle of Man and ...": a name of its own in a list, not what Portugal is
	}
	kind := g.kindOf[f.Subject]
	if last := lastWord(head); kind == KindPerson && (titles[last] || manyHolders[last]) {
		return nil // "the Bishop of London", "the son of Frederick William": one of many over time
	}
	var prompt string
	switch kind {
	case KindPerson:
		prompt = "Who was " + lowerFirst(def) + "?"
	case KindPlace, KindOrganisation:
		prompt = "What is " + lowerFirst(def) + "?"
	default:
		return nil
	}
	src := g.sents[f.sentence].Text
	if givesAway(prompt, f.Subject) || inNameList(src, f.Subject, def) {
		return nil
	}
	base := Question{Prompt: prompt, Answer: f.Subject, Source: src, Section: f.Section, Kind: kind,
		Score: g.textScore(f.sentence) + kindWeight[KindDefinition] + 0.12}
	fact := &Fact{Kind: kind, Text: f.Subject, sentence: -1}
	var out []Question
	wrong := g.distractors(fact, f.Subject, prompt)
	if len(wrong) >= 3 {
		q := base
		q.Type = MultipleChoice
		q.Options = g.shuffle(prompt, append([]string{f.Subject}, wrong[:3]...))
		q.Score += typeWeight[MultipleChoice]
		out = append(out, q)
	}
	q := base
	q.Type = FillBlank
	q.Score += typeWeight[FillBlank]
	return append(out, q)
}

// definingHead reports whether the noun before "of" in "the capital of
// Niger" names a role or a place that one thing can hold.
func definingHead(head string) bool {
	w := strings.Fields(head)
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	last := w[len(w)-1]
	if last == "predecessor" || last == "successor" {
		return false // "the predecessor of Serie A": a league had several, one after another
	}
	return titles[last] || placeWords[last] || organisationWords[last] || familyWords[last]
}

// manyHolders are relations one person has to many: "the son of X" names
// one of several.
var manyHolders = wordSet(`son|daughter|brother|sister|leader|head`)

var familyWords = wordSet(`son|daughter|wife|husband|father|mother|brother|sister|widow|heir|seat|home|birthplace|leader|head|successor|predecessor`)

func lowerFirst(s string) string {
	if strings.HasPrefix(s, "The ") {
		return "the " + s[4:]
	}
	return s
}

// infoboxTemplate asks about an infobox field: the question, and the kind
// of answer it wants.
type infoboxTemplate struct {
	prompt string // with %s for the subject
	kind   Kind
}

// infoboxTemplates maps normalised keys to questions. Keys missing here
// are still facts (and matching pairs) but make no question of their own:
// a generic "What is the X of Y?" reads badly for most keys, and an office
// held now (a mayor, an editor, a publisher) has no undated answer that
// stays right.
var infoboxTemplates = map[string]infoboxTemplate{
	"date":         {"When did the %s take place?", KindDate},
	"place":        {"Where did the %s take place?", KindPlace},
	"location":     {"Where did the %s take place?", KindPlace},
	"birth date":   {"When was %s born?", KindDate},
	"birth place":  {"Where was %s born?", KindPlace},
	"death date":   {"When did %s die?", KindDate},
	"death place":  {"Where did %s die?", KindPlace},
	"founded":      {"When was %s founded?", KindDate},
	"foundation":   {"When was %s founded?", KindDate},
	"established":  {"When was %s established?", KindDate},
	"founder":      {"Who founded %s?", KindPerson},
	"founders":     {"Who founded %s?", KindPerson},
	"headquarters": {"Where is %s headquartered?", KindPlace},
	"country":      {"In which country is %s?", KindPlace},
	"referee":      {"Who refereed the %s?", KindPerson},
	"venue":        {"At which venue was the %s held?", KindPlace},
	"launch date":  {"When was %s launched?", KindDate},
	"operator":     {"Which organisation operated %s?", KindOrganisation},
	"population":   {"What is the population of %s?", KindNumber},
	"attendance":   {"How many people attended the %s?", KindNumber},
	"employees":    {"How many employees does %s have?", KindNumber},
}

// infoboxQuestions make a WH-question from an infobox field whose key has a
// template and whose value is a single clear answer.
func (g *generator) infoboxQuestions(f *Fact) []Question {
	key := strings.ToLower(strings.ReplaceAll(f.field.Key, "_", " "))
	t, ok := infoboxTemplates[key]
	if !ok || strings.Contains(t.prompt, "take place") && g.subjectKind != KindEvent {
		return nil // a "Place" field of a process or a thing is not where it happened
	}
	answer, fact, ok := g.infoboxAnswer(f, t.kind)
	if !ok {
		return nil
	}
	subject := g.subject
	if strings.HasPrefix(t.prompt, "When did the") || strings.HasPrefix(t.prompt, "Where did the") ||
		strings.Contains(t.prompt, "the %s") {
		subject = strings.TrimPrefix(strings.TrimPrefix(subject, "The "), "the ")
	}
	prompt := strings.Replace(t.prompt, "%s", subject, 1)
	if givesAway(prompt, answer) {
		return nil
	}
	// The infobox line is the source: an article sentence that merely
	// mentions the same value need not state this fact.
	base := Question{Prompt: prompt, Answer: answer, Source: infoboxSource(*f.field), Section: "Infobox", Kind: t.kind,
		Score: kindWeight[KindInfobox] + 0.22}
	if fact == nil {
		fact = &Fact{Kind: t.kind, Text: answer, sentence: -1}
	}
	var out []Question
	if t.kind == KindNumber {
		q := base
		q.Type, q.Answer = Numeric, FormatNumber(fact.value)
		q.Tolerance = numericTolerance(fact.value)
		q.Score += typeWeight[Numeric]
		return append(out, q)
	}
	// Every item of "Minami-ku, Kyoto, Japan" is a right answer: none may
	// be a distractor, and each is accepted when typed.
	items := splitList(f.Text)
	var wrong []string
	for _, w := range g.distractors(fact, answer, prompt) {
		if !containsFold(items, w) {
			wrong = append(wrong, w)
		}
	}
	if len(wrong) >= 3 {
		q := base
		q.Type = MultipleChoice
		q.Options = g.shuffle(prompt, append([]string{answer}, wrong[:3]...))
		q.Score += typeWeight[MultipleChoice]
		out = append(out, q)
	}
	if t.kind != KindDate {
		base.Accepted = otherItems(items, answer)
		q := base
		q.Type = FillBlank
		q.Score += typeWeight[FillBlank]
		out = append(out, q)
	}
	return out
}

// infoboxAnswer reduces an infobox value to one answer of the wanted kind
// and finds the article fact (and so the sentence) that states it.
func (g *generator) infoboxAnswer(f *Fact, kind Kind) (string, *Fact, bool) {
	v := f.Text
	switch kind {
	case KindDate:
		ds := FindDates(v)
		if len(ds) == 0 {
			return "", nil, false
		}
		d := ds[0]
		for _, o := range g.byKind[KindDate] {
			if o.date == d.Date {
				return o.Text, o, true
			}
		}
		return d.Text, &Fact{Kind: KindDate, Text: d.Text, date: d.Date, sentence: -1}, true
	case KindNumber:
		ns := FindNumbers(v)
		if len(ns) != 1 {
			return "", nil, false
		}
		return ns[0].Text, &Fact{Kind: KindNumber, Text: ns[0].Text, value: ns[0].Value, sentence: -1}, true
	}
	items := splitList(v)
	if len(items) != 1 || len(strings.Fields(items[0])) > 5 {
		// a list ("Optics, Astronomy") has no single answer; for a place
		// list ("Toronto, Ontario, Canada") ask for the most specific part.
		if kind != KindPlace || len(items) == 0 {
			return "", nil, false
		}
	}
	answer := items[0]
	for _, prep := range []string{"near ", "in ", "at ", "outside "} {
		answer = strings.TrimPrefix(answer, prep)
	}
	for _, o := range g.byKind[kind] {
		if o.Text == answer {
			return answer, o, true
		}
	}
	return answer, nil, true
}

// articleSubject names what the article is about, as its sentences name
// it ("the Toronto Star", "Ibn al-Haytham"), and what kind of thing it is.
func articleSubject(a *Article) (string, Kind) {
	name := trimParens(a.Title)
	kind := Kind("")
	for _, f := range a.Infobox {
		k := strings.ToLower(strings.ReplaceAll(f.Key, "_", " "))
		switch {
		case k == "conflict" || k == "event":
			kind = KindEvent
			if v := trimParens(f.Value); !strings.Contains(strings.ToLower(name), strings.ToLower(v)) {
				name = v // "Raid on Tabankort"; but keep "1966 FIFA World Cup final"
			}
		case strings.Contains(k, "birth") || k == "born" || k == "spouse":
			kind = KindPerson
		case kind == "" && (k == "population" || k == "mayor" || k == "elevation"):
			kind = KindPlace
		case kind == "" && (k == "type" || k == "industry" || k == "founder" || k == "headquarters" || k == "owners"):
			kind = KindOrganisation
		}
	}
	if kind == KindPerson {
		return name, kind
	}
	for _, s := range a.Sentences() {
		if rest, ok := strings.CutPrefix(s.Text, "The "+name); ok && (rest == "" || !unicode.IsLetter([]rune(rest)[0]) && rest[0] != ' ' || strings.HasPrefix(rest, " ") && len(rest) > 1 && unicode.IsLower([]rune(rest[1:])[0])) {
			return "the " + name, kind // "The Toronto Star is", not "The Boeing Company is"
		}
		break
	}
	if takesThe(name) || theClass(name) {
		return "the " + name, kind // "In which country is the Volga River?"
	}
	return name, kind
}

// takesThe reports whether a name is headed by a common noun and so
// takes "the" in running text: "Volga River", "Great Northern War",
// "Treaty of Versailles", "2006 FIFA World Cup"; not "Palau" or
// "Rembrandt".
func takesThe(name string) bool {
	w := strings.Fields(name)
	if len(w) < 2 || strings.EqualFold(w[0], "the") {
		return false
	}
	head := w[len(w)-1]
	if i := slices.IndexFunc(w, func(x string) bool { return x == "of" }); i > 0 {
		head = w[i-1]
	}
	return capitalised(head) && len(lexHypernyms(strings.ToLower(head))) > 0 && len(lexInstanceOf(head)) == 0
}

func containsFold(items []string, s string) bool {
	for _, it := range items {
		if strings.EqualFold(it, s) {
			return true
		}
	}
	return false
}

func otherItems(items []string, answer string) []string {
	var out []string
	for _, it := range items {
		if !strings.EqualFold(it, answer) && !strings.EqualFold(it, "near "+answer) {
			out = append(out, it)
		}
	}
	return out
}

func dedupe(items []string, not string) []string {
	seen := map[string]bool{NormalizeAnswer(not): true}
	var out []string
	for _, it := range items {
		n := NormalizeAnswer(it)
		if !seen[n] {
			seen[n] = true
			out = append(out, it)
		}
	}
	return out
}

// commonAcronyms are abbreviations every learner already knows.
var commonAcronyms = wordSet(`UN|US|USA|UK|EU|WHO|NATO|MLB|NBA|NFL|NHL|FIFA|UEFA|BBC|CNN|NASA|FBI|CIA|USSR|DNA|RNA|TV|GDP|CEO|
AIDS|HIV|UNESCO|UNICEF|IOC|IMF|OPEC|ISBN|PDF|CD|DVD|GPS|AM|PM|BC|AD|CE|BCE|WWI|WWII|NYC|LA|EEC|OK|ID`)

// initials are the upper-cased first letters of a phrase's significant
// words: "Special Operations Command" gives "SOC".
func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(w)
		if stopwords[lw] || connectors[lw] || w == "" {
			continue
		}
		b.WriteString(strings.ToUpper(w[:1]))
	}
	return b.String()
}

// theClass reports whether a name's WordNet class takes "the" before it:
// rivers, seas, deserts ("the Euphrates").
func theClass(name string) bool {
	for _, c := range lexInstanceOf(name) {
		switch strings.ToLower(c) {
		case "river", "sea", "ocean", "desert", "canal", "gulf", "strait", "mountain range", "range", "archipelago":
			return true
		}
	}
	return false
}

// inNameList reports whether "subject, def" stands among other names in a
// list ("the Water Authority, the University College Board of Governors,
// the Port Authority ..."): then def is the next item, not a description
// of subject.
func inNameList(src, subject, def string) bool {
	i := strings.Index(src, subject+", "+def)
	if i < 0 {
		return false
	}
	before := strings.TrimRight(src[:i], " ")
	after := strings.TrimPrefix(src[i+len(subject)+2+len(def):], " ")
	next := func(t string) bool {
		t = strings.TrimPrefix(t, "the ")
		return capitalised(t)
	}
	switch {
	case strings.HasSuffix(before, ","):
		return true // the subject is itself an item after a comma
	case strings.HasPrefix(after, ", ") && next(strings.TrimPrefix(after, ", ")):
		return true
	case strings.HasPrefix(after, "and ") && next(strings.TrimPrefix(after, "and ")):
		return true
	}
	return false
}
