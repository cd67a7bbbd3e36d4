package questions

import (
	"strings"
	"sync"
)

// A multiple-choice question on a name offers names of the same fine
// class: a river for a river, a national capital for a city, a historian
// for a historian, a stadium for a stadium. nameClasses says what class a
// name is, from the article's own cues first and WordNet after; a name of
// no known class gets no multiple-choice question, rather than options of
// another class.

// maxClassCandidates bounds how many of the article's names are examined as
// distractors for one key, so that an article of thousands of names stays
// linear.
const maxClassCandidates = 400

// nameClasses returns the classes of the name text, as nouns: for fact f
// (nil for a name from the word lists) the noun the article puts after it
// ("the Toulousain restaurant"), the title it gives a person ("the
// historian Tacitus"), the head of an appositive the article gives it
// ("Niamey, the capital of Niger"); then the classes WordNet gives the
// name, or its head noun ("Wembley Stadium": stadium).
func (g *generator) nameClasses(f *Fact, text string) []string {
	key := text
	if f != nil {
		key = string(f.Kind) + "\x00" + text
	}
	if cs, ok := g.classes[key]; ok {
		return cs
	}
	var cs []string
	add := func(c string) {
		c = strings.ToLower(strings.TrimSpace(c))
		if c != "" && !containsFold(cs, c) {
			cs = append(cs, c)
		}
	}
	if f != nil {
		if f.head != "" {
			add(lastWord(f.head))
		}
		if f.role != "" && !honorifics[strings.ToLower(strings.TrimSuffix(f.role, "."))] {
			add(lastWord(f.role))
		}
		for _, d := range g.definitionsOf(text) {
			head, _, _ := strings.Cut(strings.TrimPrefix(strings.ToLower(d), "the "), " of ")
			if w := strings.Fields(head); len(w) > 0 && len(w) <= 3 {
				add(w[len(w)-1])
			}
		}
	}
	kind := KindPlace
	if f != nil {
		kind = f.Kind
	}
	for _, c := range lexInstanceOf(text) {
		if classFits(c, kind) {
			add(c) // "London" is a city here, not Jack London the writer
		}
	}
	if c := lexClass(text); len(cs) == 0 && kind != KindPerson && classFits(c, kind) {
		add(c)
	}
	if len(cs) > 4 {
		cs = cs[:4]
	}
	g.classes[key] = cs
	return cs
}

// definitionsOf returns the defining phrases the article gives a name.
func (g *generator) definitionsOf(name string) []string {
	if g.defs == nil {
		g.defs = map[string][]string{}
		for _, d := range g.byKind[KindDefinition] {
			g.defs[d.Subject] = append(g.defs[d.Subject], d.Text)
		}
	}
	return g.defs[name]
}

// sameKind reports whether two class lists hold alike classes: the same
// class, one a kind of the other ("national capital" under "city"), two
// kinds of one thing ("European country" and "African country"), or two
// members of one of the broad families WordNet files names under (two
// genera, two chemical elements, two diseases, two languages). People are
// held to more: a governor and a rabbi are both leaders but not alike as
// answers, so the classes of people must be the same or one a kind of the
// other ("Roman Emperor" and "emperor").
func sameKind(a, b []string, people bool) bool {
	for _, x := range a {
		for _, y := range b {
			if alike(x, y, people) {
				return true
			}
		}
	}
	return false
}

// alikeCache remembers alike by pair of WordNet classes.
var alikeCache sync.Map

type alikeKey struct {
	x, y   string
	people bool
}

func alike(x, y string, people bool) bool {
	if x == y {
		return true
	}
	k := alikeKey{x, y, people}
	if v, ok := alikeCache.Load(k); ok {
		return v.(bool)
	}
	v := directlyUnder(x, y) || directlyUnder(y, x) || !people && (siblings(x, y) || sameFamily(x, y))
	if len(classHypernyms(x)) > 0 && len(classHypernyms(y)) > 0 {
		alikeCache.Store(k, v) // pairs of WordNet's own classes only: a bounded set
	}
	return v
}

// hypernymCache remembers lexHypernyms of classes: classes are WordNet's
// own words, so the cache is bounded by WordNet, not by the input.
var hypernymCache sync.Map

func classHypernyms(c string) []string {
	if h, ok := hypernymCache.Load(c); ok {
		return h.([]string)
	}
	h := lexHypernyms(c)
	if len(h) > 0 {
		hypernymCache.Store(c, h) // unknown words are not kept: the input is unbounded
	}
	return h
}

// directlyUnder reports whether WordNet puts class x one or two steps
// under class y.
func directlyUnder(x, y string) bool {
	h := classHypernyms(x)
	for i := 1; i < len(h) && i <= 2; i++ {
		if strings.EqualFold(h[i], y) {
			return true
		}
	}
	return false
}

// siblings reports whether two classes have one parent that is not a
// generic one.
func siblings(x, y string) bool {
	hx, hy := classHypernyms(x), classHypernyms(y)
	if len(hx) < 2 || len(hy) < 2 {
		return false
	}
	return strings.EqualFold(hx[1], hy[1]) && !genericClasses[strings.ToLower(hx[1])]
}

var genericClasses = wordSet(`entity|physical entity|object|whole|abstraction|artifact|location|region|person|organism|
living thing|causal agent|group|matter|thing|attribute|measure|act|event|psychological feature|structure|
instrumentality|device|area|geographical area|state|substance|unit|social group|organization|body|point|place`)

// families are broad kinds whose members are alike whatever the steps
// between: two genera, two chemical elements, two diseases.
var families = wordSet(`genus|family|chemical element|disease|ill health|musical instrument|language|sport|drug|
compound|mineral|planet|star|constellation|dance|currency`)

func sameFamily(x, y string) bool {
	fx := familyOf(x)
	return fx != "" && fx == familyOf(y)
}

func familyOf(c string) string {
	for _, h := range classHypernyms(c) {
		if families[strings.ToLower(h)] {
			return strings.ToLower(h)
		}
	}
	return ""
}

// containers is lexContainers, remembered for the article.
func (g *generator) containers(name string) []string {
	if c, ok := g.conts[name]; ok {
		return c
	}
	c := lexContainers(name)
	g.conts[name] = c
	return c
}

// nested reports whether one place contains the other (Seoul and South
// Korea): both would be true answers.
func (g *generator) nested(a, b string) bool {
	for _, c := range g.containers(a) {
		if strings.EqualFold(c, b) {
			return true
		}
	}
	for _, c := range g.containers(b) {
		if strings.EqualFold(c, a) {
			return true
		}
	}
	return false
}

// kindRoots are the WordNet classes each kind of name falls under.
var kindRoots = map[Kind][]string{
	KindPerson: {"person"},
	KindPlace: {"location", "region", "geographical area", "body of water", "structure", "land", "geological formation",
		"celestial body", "facility", "building", "way", "country", "state", "city", "point", "line", "tract"},
	KindOrganisation: {"organization", "social group", "group", "unit", "institution", "company", "team", "party", "force"},
}

// classFits reports whether a WordNet class suits a name of kind k: a
// person's class is a kind of person, a place's a kind of place. Names of
// no kind (KindName) take any class.
func classFits(class string, k Kind) bool {
	roots, ok := kindRoots[k]
	if !ok || class == "" {
		return class != ""
	}
	for _, h := range classHypernyms(class) {
		for _, r := range roots {
			if strings.EqualFold(h, r) {
				return true
			}
		}
	}
	return false
}
