package questions

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"weak"
)

// maxAccepted caps the other forms one generated answer lists.
const maxAccepted = 12

// acceptedForms lists the other typed forms of answer, the text the
// question about fact f blanks out, that are right too. Grading forgives
// more (see typedMatch); the list is for what only the article knows and
// for graders elsewhere (an exported GIFT quiz) that compare forms as
// written:
//
//   - a person's surname ("Lovelace" for "Ada Lovelace"), only when no
//     other person of the article has it;
//   - the name with the place noun the sentence puts after it ("Toulousain
//     restaurant");
//   - the other names the article gives it: the expansion of an acronym
//     and the acronym of an expansion, and names given as "originally
//     known as X", "also known as X", "also called X", "(X)" after a name
//     or "X, or Y,";
//   - the name without a generic word ("Wembley" for "Wembley Stadium");
//   - the common variants of termVariants and prefixVariants ("Second
//     World War" for "World War II", "St. Louis" for "Saint Louis");
//     "and" for "&" needs none, since answers normalise alike;
//   - for a date, its other usual forms ("4 July 1776", "1776-07-04").
func (g *generator) acceptedForms(f *Fact, answer string) []string {
	ix := g.answerIndex()
	var out []string
	if f.Kind == KindPerson {
		out = append(out, ix.surnames(g, answer)...)
	}
	if f.head != "" {
		out = append(out, answer+" "+f.head)
	}
	out = append(out, ix.aliases[NormalizeAnswer(answer)]...)
	out = append(out, withoutGeneric(answer)...)
	out = append(out, termForms(answer)...)
	if f.Kind == KindDate {
		out = append(out, dateForms(answer, f.date)...)
	}
	return uniqueForms(answer, out)
}

// uniqueForms drops forms that read as the answer or as an earlier form,
// and keeps at most maxAccepted.
func uniqueForms(answer string, forms []string) []string {
	seen := map[string]bool{NormalizeAnswer(answer): true}
	var out []string
	for _, f := range forms {
		f = strings.TrimSpace(f)
		n := NormalizeAnswer(f)
		if n == "" || seen[n] || len(f) > MaxAnswerLen {
			continue
		}
		seen[n] = true
		out = append(out, f)
		if len(out) == maxAccepted {
			break
		}
	}
	return out
}

// answerIndex is what acceptedForms needs to know about the whole article,
// found once per generator: the names each name is also known by, and the
// people who share a surname.
type answerIndex struct {
	aliases map[string][]string        // normalised name -> its other names as written
	firsts  map[string]map[string]bool // normalised surname -> the first names of the people with it
}

// answerIndexes remembers each generator's answerIndex for as long as the
// generator lives, so that the article is read once however many
// questions it makes.
var answerIndexes = struct {
	sync.Mutex
	m map[weak.Pointer[generator]]*answerIndex
}{m: map[weak.Pointer[generator]]*answerIndex{}}

func (g *generator) answerIndex() *answerIndex {
	key := weak.Make(g)
	answerIndexes.Lock()
	ix := answerIndexes.m[key]
	answerIndexes.Unlock()
	if ix != nil {
		return ix
	}
	ix = buildAnswerIndex(g)
	answerIndexes.Lock()
	defer answerIndexes.Unlock()
	if prev := answerIndexes.m[key]; prev != nil {
		return prev
	}
	answerIndexes.m[key] = ix
	runtime.AddCleanup(g, func(k weak.Pointer[generator]) {
		answerIndexes.Lock()
		delete(answerIndexes.m, k)
		answerIndexes.Unlock()
	}, key)
	return ix
}

func buildAnswerIndex(g *generator) *answerIndex {
	ix := &answerIndex{aliases: map[string][]string{}, firsts: map[string]map[string]bool{}}
	for i := range g.facts {
		f := &g.facts[i]
		switch f.Kind {
		case KindAcronym:
			ix.link(g, f.Subject, f.Text, false)
		case KindPerson:
			if first, _, last, ok := personName(f.Text); ok {
				key := NormalizeAnswer(last)
				if ix.firsts[key] == nil {
					ix.firsts[key] = map[string]bool{}
				}
				ix.firsts[key][NormalizeAnswer(first)] = true
			}
		}
	}
	for _, s := range g.sents {
		ix.readAliases(g, s.Text)
	}
	return ix
}

// link records that a and b name the same thing. A bracketed name (plain)
// is taken with more care, since brackets also hold a region ("Springfield
// (Illinois)") or a country: only for a person or an organisation ("Ibn
// al-Haytham (Alhazen)"), and never a country, city or nationality.
func (ix *answerIndex) link(g *generator, a, b string, plain bool) {
	na, nb := NormalizeAnswer(a), NormalizeAnswer(b)
	if na == "" || nb == "" || na == nb || !aliasLike(a) || !aliasLike(b) {
		return
	}
	ka, knownA := g.kindOf[a]
	kb, knownB := g.kindOf[b]
	if knownA && knownB && ka != kb && ka != KindName && kb != KindName {
		return // a person is not a place
	}
	if plain && (ka != KindPerson && ka != KindOrganisation && kb != KindPerson && kb != KindOrganisation ||
		ka == KindPlace || kb == KindPlace || countriesSet[b] || citiesSet[b] || countryAbbreviations[b] || nationalities[nb]) {
		return
	}
	if !slices.Contains(ix.aliases[na], b) {
		ix.aliases[na] = append(ix.aliases[na], b)
	}
	if !slices.Contains(ix.aliases[nb], a) {
		ix.aliases[nb] = append(ix.aliases[nb], a)
	}
}

// aliasLike reports whether s can be a name: not a date or number, not a
// function word, at most six words.
func aliasLike(s string) bool {
	n := NormalizeAnswer(s)
	if _, isDate := ParseDate(s); isDate || n == "" || stopwords[n] || len(strings.Fields(n)) > 6 {
		return false
	}
	_, _, isQty := leadingQuantity(s)
	return !isQty
}

// aliasCues introduce another name of what stands before them. "called"
// is also a verb ("Churchill called Stalin"), so it counts only after a
// comma or a form of "be": "X, also called Y", "X was called Y".
var aliasCues = []string{" known as ", " called ", " a.k.a. ", " aka "}

var beWords = wordSet(`is|was|are|were|be|been|being`)

// aliasFillers may stand between a name and an alias cue: "Wembley
// Stadium, originally known as", "Ibn al-Haytham (also known as".
var aliasFillers = wordSet(`was|is|were|are|has|had|have|been|being|originally|also|formerly|
sometimes|commonly|often|once|popularly|better|first|later|then|initially|officially|informally|
widely|locally|still|usually|generally|previously|simply|affectionately|now`)

// readAliases finds the names sentence s gives as another name of a name:
// "X, also known as Y", "X was originally known as Y", "X (Y)", "X (also
// known as Y)", "X, or Y,".
func (ix *answerIndex) readAliases(g *generator, s string) {
	for _, cue := range aliasCues {
		for from := 0; ; {
			i := strings.Index(s[from:], cue)
			if i < 0 {
				break
			}
			i += from
			from = i + len(cue)
			alias, _ := nameAfter(s, i+len(cue))
			if alias == "" {
				continue
			}
			end, be := fillersBefore(s, i)
			comma := s[end] == ','
			if cue == " called " && !be && !comma {
				continue
			}
			name := nameBefore(s, end)
			if name == "" || be && !comma && !opensClause(s, end-len(name)) {
				continue // "The area of the sky obscured by the Milky Way is called ...": the area is
			}
			ix.link(g, name, alias, false)
		}
	}
	for from := 0; ; {
		i := strings.Index(s[from:], ", or ")
		if i < 0 {
			break
		}
		i += from
		from = i + len(", or ")
		alias, end := nameAfter(s, i+len(", or "))
		if alias == "" || end >= len(s) || !strings.ContainsRune(",;)", rune(s[end])) && !(s[end] == '.' && end+1 == len(s)) {
			continue
		}
		name := nameBefore(s, i)
		start := strings.LastIndex(s[:i], name)
		if name == "" || strings.HasSuffix(strings.TrimRight(s[:start], " "), ",") ||
			(countriesSet[name] || citiesSet[name]) && (countriesSet[alias] || citiesSet[alias]) {
			continue // "Paris, London, or Berlin": a list, not two names of one thing
		}
		ix.link(g, name, alias, false)
	}
	for from := 0; ; {
		open := strings.IndexByte(s[from:], '(')
		if open < 0 {
			break
		}
		open += from
		closeAt := strings.IndexByte(s[open:], ')')
		if closeAt < 0 {
			break
		}
		closeAt += open
		from = closeAt
		inner := strings.TrimSpace(s[open+1 : closeAt])
		plain := true
		for _, cue := range []string{"also known as ", "known as ", "also called ", "or ", "formerly ",
			"originally ", "a.k.a. ", "aka "} {
			if rest, ok := strings.CutPrefix(inner, cue); ok {
				inner, plain = rest, false
				break
			}
		}
		alias, end := nameAfter(inner, 0)
		if alias == "" || strings.TrimRight(inner[end:], " .") != "" || plain && strings.ContainsAny(alias, "0123456789") {
			continue // "(born 1950)", "(Arabic: ...)": an aside, not a name
		}
		name := nameBefore(s, open)
		if name == "" || plain && g.kindOf[name] == KindPerson && strings.Contains(alias, " ") && !g.sharesWord(name, alias) {
			continue // "Tom Dame (Harvard-Smithsonian CfA)": where he works, not another name of his
		}
		ix.link(g, name, alias, plain)
	}
}

// opensClause reports whether the name at s[at:] begins its sentence or
// clause: after nothing but "the", after a comma or semicolon, or after a
// conjunction ("... and Wembley Stadium was originally known as").
func opensClause(s string, at int) bool {
	if at < 0 {
		return false
	}
	before := strings.TrimRight(s[:at], " ")
	before = strings.TrimSuffix(strings.TrimSuffix(before, "The"), "the")
	before = strings.TrimRight(before, " ")
	if before == "" || strings.HasSuffix(before, ",") || strings.HasSuffix(before, ";") {
		return true
	}
	last := strings.ToLower(before[strings.LastIndexByte(before, ' ')+1:])
	return last == "and" || last == "but" || last == "while" || last == "when" || last == "where" || last == "that"
}

// fillersBefore steps back from the cue at s[i] over filler words to
// where the name before it ends, before a comma if there is one; be
// reports a form of "be" among the fillers.
func fillersBefore(s string, i int) (end int, be bool) {
	end = i
	for {
		t := strings.TrimRight(s[:end], " ")
		j := strings.LastIndexByte(t, ' ') + 1
		if w := strings.ToLower(t[j:]); w != "" && aliasFillers[w] {
			end, be = j, be || beWords[w]
			continue
		}
		return len(strings.TrimSuffix(t, ",")), be
	}
}

// nameAfter reads the name that starts at s[i] ("the Empire Stadium,"
// gives "Empire Stadium"): capitalised words, with connectors and numbers
// inside, up to punctuation or a lower-case word. end is where it stops.
func nameAfter(s string, i int) (name string, end int) {
	rest := s[i:]
	trimmed := strings.TrimLeft(rest, " \"“'‘")
	pos := i + len(rest) - len(trimmed)
	if w, _, _ := strings.Cut(trimmed, " "); strings.EqualFold(w, "the") {
		pos += len(w) + 1
	}
	start, last, n := pos, pos, 0
	for pos < len(s) && n < 6 {
		j := strings.IndexByte(s[pos:], ' ')
		if j < 0 {
			j = len(s) - pos
		}
		word := s[pos : pos+j]
		bare := strings.TrimRightFunc(word, func(r rune) bool { return strings.ContainsRune(",;:.)(\"”'’!?", r) })
		if isAcronym(word) {
			bare = word // "U.S.", whose dots are its own, but "WWII." ends a sentence
			if strings.Count(word, ".") == 1 {
				bare = strings.TrimSuffix(word, ".")
			}
		}
		lw := strings.ToLower(bare)
		inside := n > 0 && (nameGlue(lw) || isDigits(bare))
		if bare == "" || !capitalised(bare) && !isAcronym(bare) && !inside {
			break
		}
		n++
		if !nameGlue(lw) {
			last = pos + len(bare)
		}
		if len(bare) < len(word) {
			break
		}
		pos += j + 1
	}
	name = s[start:last]
	if name == "" || stopwords[strings.ToLower(name)] {
		return "", last
	}
	return name, last
}

// nameBefore reads the name that ends at s[end]: capitalised words back to
// a lower-case word, a number or punctuation, without an opening "The" or
// a sentence's opening word such as "During".
func nameBefore(s string, end int) string {
	t := strings.TrimRight(s[:end], " ")
	var words []string
	for len(words) < 6 {
		j := strings.LastIndexByte(t, ' ') + 1
		word := t[j:]
		if word == "" || len(words) > 0 && strings.ContainsAny(word[len(word)-1:], ",;:.)(\"”") &&
			!isAcronym(word) && !abbreviation(word) {
			break
		}
		lw := strings.ToLower(word)
		if !(capitalised(word) || isAcronym(word) || len(words) > 0 && nameGlue(lw)) {
			break
		}
		words = append([]string{word}, words...)
		t = strings.TrimRight(t[:j], " ")
	}
	for len(words) > 0 {
		lw := strings.ToLower(strings.TrimSuffix(words[0], "."))
		glue := nameGlue(lw) && !capitalised(words[0]) // but "Ibn al-Haytham"
		if !glue && !leadingHonorifics[lw] && (!stopwords[lw] || ordinalWords[lw] != 0 || lw == "last") {
			break
		}
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// leadingHonorifics stand before a name but are no part of it.
var leadingHonorifics = wordSet(`dr|mr|mrs|ms|sir|dame|lord|lady|prof|professor|saint|st`)

// abbreviation reports whether w is an initial or a short abbreviation
// that may stand inside a name: "E." in "Edwin E. Aldrin Jr.", "Dr.".
func abbreviation(w string) bool {
	base, dotted := strings.CutSuffix(w, ".")
	return dotted && base != "" && len(base) <= 3 && capitalised(base) && !strings.Contains(base, ".")
}

// nameGlue reports whether a lower-case word may join the capitalised
// words of one name: "Battle of the Somme", "Bosnia and Herzegovina".
func nameGlue(lw string) bool { return connectors[lw] || lw == "and" || lw == "the" || lw == "&" }

// personName splits a person's name into its first word, a particle
// before the surname ("de", "van") and the surname; ok is false for a
// single name, for a regnal name ("Henry VIII") and for a name "of" a
// place ("Apollodorus of Damascus"), whose last word is no surname. "Jr."
// and "Sr." are dropped.
func personName(name string) (first, particle, last string, ok bool) {
	parts := strings.Fields(name)
	for len(parts) > 0 {
		lw := strings.ToLower(strings.TrimRight(parts[len(parts)-1], ".,"))
		if lw != "jr" && lw != "sr" && lw != "junior" && lw != "senior" {
			break
		}
		parts = parts[:len(parts)-1]
	}
	if len(parts) < 2 || romanValue(strings.ToLower(parts[len(parts)-1])) > 0 || slices.Contains(parts, "of") {
		return "", "", "", false // "Henry VIII", "Apollodorus of Damascus"
	}
	last = strings.TrimRight(parts[len(parts)-1], ",")
	if len(parts) >= 3 && connectors[strings.ToLower(parts[len(parts)-2])] {
		particle = parts[len(parts)-2]
	}
	return parts[0], particle, last, true
}

// surnames are the forms of a person's surname that name them: none when
// another person of the article has that surname, or when it also names
// something else there ("Washington" the city).
func (ix *answerIndex) surnames(g *generator, answer string) []string {
	first, particle, last, ok := personName(answer)
	if !ok {
		return nil
	}
	others := ix.firsts[NormalizeAnswer(last)]
	if len(others) > 1 || len(others) == 1 && !others[NormalizeAnswer(first)] {
		return nil
	}
	if k, known := g.kindOf[last]; known && k != KindPerson && k != KindName {
		return nil
	}
	if commonThing(last) {
		return nil // "Caroline War", "Elizabeth II Commemorative Cup": a war and a cup, not people
	}
	out := []string{last}
	if particle != "" {
		out = append(out, particle+" "+last)
	}
	return out
}

// withoutGeneric is the answer without the generic word genericCore would
// take off it, as written: "Wembley" for "Wembley Stadium", "Victoria"
// for "Lake Victoria"; none for "Red Army" or "Mexico City".
func withoutGeneric(answer string) []string {
	core, affix := genericCore(canonicalTerms(NormalizeAnswer(answer)))
	if affix == "" {
		return nil
	}
	words := strings.Fields(answer)
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	for _, cut := range [][2]int{{1, 0}, {2, 0}, {3, 0}, {0, 1}, {0, 2}, {0, 3}} {
		if cut[0]+cut[1] >= len(words) {
			continue
		}
		rest := words[cut[0] : len(words)-cut[1]]
		if len(rest) > 0 && strings.EqualFold(rest[0], "the") && cut[0] > 0 {
			rest = rest[1:]
		}
		s := strings.TrimRight(strings.Join(rest, " "), ",")
		if canonicalTerms(NormalizeAnswer(s)) == core {
			return []string{s}
		}
	}
	return nil
}

// termForms are the answer written the other ways of termVariants, when
// it is one of them ("Second World War" and "WWII" for "World War II"), or
// with a word of prefixVariants in it written the other way ("Saint Louis"
// for "St. Louis"). ("&" and "and" need no form: they normalise alike.)
// Grading takes a term's forms
// inside a longer answer too, but "United States Today" is no name to
// show for "USA Today".
func termForms(answer string) []string {
	var out []string
	norm := NormalizeAnswer(answer)
	for _, groups := range []struct {
		list   [][]string
		prefix bool
	}{{termVariants, false}, {prefixVariants, true}} {
		for _, group := range groups.list {
			at, end, found := -1, 0, ""
			for _, form := range byLength(group) {
				if !groups.prefix && norm != normalizedForms[form] {
					continue
				}
				i := indexWord(answer, form)
				if i < 0 || groups.prefix && !strings.HasPrefix(answer[i+len(form):], " ") {
					continue
				}
				at, end, found = i, i+len(form), form
				if !groups.prefix {
					at, end = 0, len(answer) // the whole answer, without its "the"
				}
				break
			}
			if at < 0 {
				continue
			}
			for _, form := range group {
				if form != found {
					out = append(out, answer[:at]+form+answer[end:])
				}
			}
		}
	}
	return out
}

// normalizedForms are the forms of termVariants, normalised.
var normalizedForms = func() map[string]string {
	m := map[string]string{}
	for _, group := range termVariants {
		for _, form := range group {
			m[form] = NormalizeAnswer(form)
		}
	}
	return m
}()

// byLength orders a group's forms longest first, so that "United States of
// America" is found whole rather than as "United States".
func byLength(group []string) []string {
	out := slices.Clone(group)
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// indexWord finds form in s as whole words (case sensitive for an
// abbreviation, "US" is not "us"), or -1.
func indexWord(s, form string) int {
	fold := !isAcronym(strings.ReplaceAll(form, " ", ""))
	hay, needle := s, form
	if fold {
		hay, needle = strings.ToLower(s), strings.ToLower(form)
	}
	for from := 0; from <= len(hay)-len(needle); {
		i := strings.Index(hay[from:], needle)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(needle)
		before := i == 0 || !letterOrDigit(lastRune(s[:i]))
		after := end == len(s) || !letterOrDigit(firstRune(s[end:]))
		if before && after {
			return i
		}
		from = i + 1
	}
	return -1
}

func letterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// dateForms are a date's other usual forms: "4 July 1776", "July 4,
// 1776" and "1776-07-04" for a full date, "4 July" and "July 4" for a day
// of a month. An approximate date or a decade has none.
func dateForms(answer string, d Date) []string {
	if parsed, ok := ParseDate(answer); ok {
		d = parsed
	}
	if d.Circa || d.Decade || d.Year < 0 || d.Month == 0 || d.Day == 0 {
		return nil
	}
	month := monthName(d.Month)
	if d.Year == 0 {
		return []string{fmt.Sprintf("%d %s", d.Day, month), fmt.Sprintf("%s %d", month, d.Day)}
	}
	return []string{fmt.Sprintf("%d %s %d", d.Day, month, d.Year), fmt.Sprintf("%s %d, %d", month, d.Day, d.Year),
		fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)}
}
