package questions

// A compact WordNet 3.0 noun lexicon, embedded, used to give names and nouns
// fine-grained classes so that distractors can be of the same kind as the key
// (a river for a river, an emperor for an emperor).
//
// The data file lexicon.txt.gz is generated from WordNet's data.noun,
// index.noun and noun.exc by internal/wngen (its doc comment describes the
// format) and is checked in, so building and testing need no WordNet install.
// WordNet 3.0 Copyright 2006 by Princeton University; see WORDNET-LICENSE.

//go:generate go run ./internal/wngen -o lexicon.txt.gz

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed lexicon.txt.gz
var lexiconGz []byte

// wnSyn is one WordNet noun synset. Its parents and containers are
// half-open ranges of wnLexicon.pool.
type wnSyn struct {
	words      string // words joined by ';', head first (instances: all words; others: head only)
	pLo, pHi   uint32 // parents: hypernyms, or for an instance the classes it is an instance of
	cLo, cHi   uint32 // containers: transitive part holonyms, nearest first (instances only)
	instance   bool
	generic    bool // head word is in wnGenericClasses
	anchor     bool // head word is in wnKindAnchors
	firstBreak int  // len of the head word within words
}

// wnWord is what a lowercased lemma maps to.
type wnWord struct {
	common    int32  // first (most frequent) non-instance sense, or -1
	iLo, iHi  uint32 // instance senses in sense order, range of wnLexicon.pool
	instFirst bool   // the lemma's first sense is an instance
}

type wnLexicon struct {
	syn   []wnSyn
	pool  []int32
	words map[string]wnWord
	exc   map[string]string // irregular plural -> singular (WordNet noun.exc)
	nInst int               // instance synsets
}

// wnGenericClasses are the head words of synsets too general to make two
// things "the same kind" (see lexSameKind).
var wnGenericClasses = map[string]bool{
	"entity": true, "physical entity": true, "object": true, "whole": true,
	"abstraction": true, "artifact": true, "location": true, "region": true,
	"person": true, "organism": true, "living thing": true, "causal agent": true,
	"group": true, "matter": true, "thing": true, "attribute": true,
	"measure": true, "act": true, "event": true, "psychological feature": true,
	"instrumentality": true, "relation": true, "communication": true,
	"state": true, "process": true, "social group": true, "biological group": true,
	"area": true, "geographical area": true, "unit": true, "part": true,
	"collection": true, "substance": true, "structure": true, "device": true,
}

// wnKindAnchors are the head words of synsets whose descendants are all of
// one kind however deep they sit below it (see lexSameKind): WordNet files
// plant and animal genera, or measles and diabetes, more than 2 steps apart.
var wnKindAnchors = map[string]bool{
	"genus": true, "family": true, "ill health": true, "chemical element": true,
	"musical instrument": true, "language": true, "sport": true,
}

var (
	wnOnce sync.Once
	wnData *wnLexicon
	wnErr  error
)

// wnLex returns the embedded lexicon, parsing it on first use. It panics if the
// embedded file is corrupt, which TestLexiconEmbeddedParses rules out.
func wnLex() *wnLexicon {
	wnOnce.Do(func() { wnData, wnErr = parseWordNetLexicon(lexiconGz) })
	if wnErr != nil {
		panic("questions: embedded lexicon: " + wnErr.Error())
	}
	return wnData
}

func parseWordNetLexicon(gz []byte) (*wnLexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	text := string(raw) // every string below is a substring of text
	lx := &wnLexicon{}
	pos := 0
	line := func() (string, bool) {
		for pos < len(text) {
			end := strings.IndexByte(text[pos:], '\n')
			var l string
			if end < 0 {
				l, pos = text[pos:], len(text)
			} else {
				l, pos = text[pos:pos+end], pos+end+1
			}
			if !strings.HasPrefix(l, "#") {
				return l, true
			}
		}
		return "", false
	}
	section := func(tag string) (int, error) {
		l, ok := line()
		var n int
		if !ok || !strings.HasPrefix(l, tag+" ") {
			return 0, fmt.Errorf("missing %s section", tag)
		}
		if _, err := fmt.Sscanf(l[len(tag)+1:], "%d", &n); err != nil || n < 0 {
			return 0, fmt.Errorf("bad %s header %q", tag, l)
		}
		return n, nil
	}
	// ints appends the comma-separated indices in s to the pool and returns
	// its range; every index must be below limit.
	ints := func(s string, limit int) (uint32, uint32, error) {
		lo := uint32(len(lx.pool))
		v, digits := 0, 0
		for i := 0; i <= len(s); i++ {
			if i == len(s) || s[i] == ',' {
				if digits == 0 || v >= limit {
					return 0, 0, fmt.Errorf("bad index list %q", s)
				}
				lx.pool = append(lx.pool, int32(v))
				v, digits = 0, 0
				continue
			}
			c := s[i]
			if c < '0' || c > '9' {
				return 0, 0, fmt.Errorf("bad index list %q", s)
			}
			v, digits = v*10+int(c-'0'), digits+1
		}
		return lo, uint32(len(lx.pool)), nil
	}
	// fields splits a line into exactly n TAB-separated fields.
	var fs [3]string
	fields := func(l string, n int) bool {
		for i := 0; i < n-1; i++ {
			t := strings.IndexByte(l, '\t')
			if t < 0 {
				return false
			}
			fs[i], l = l[:t], l[t+1:]
		}
		fs[n-1] = l
		return strings.IndexByte(l, '\t') < 0
	}

	nSyn, err := section("S")
	if err != nil {
		return nil, err
	}
	lx.syn = make([]wnSyn, nSyn)
	lx.pool = make([]int32, 0, 3*nSyn)
	for i := range lx.syn {
		l, ok := line()
		if !ok || !fields(l, 3) || fs[0] == "" {
			return nil, fmt.Errorf("synset %d: bad line %q", i, l)
		}
		s := &lx.syn[i]
		s.words = fs[0]
		s.firstBreak = len(s.words)
		if j := strings.IndexByte(s.words, ';'); j >= 0 {
			s.firstBreak = j
		}
		s.generic = wnGenericClasses[s.words[:s.firstBreak]]
		s.anchor = wnKindAnchors[s.words[:s.firstBreak]]
		p := fs[1]
		if strings.HasPrefix(p, "!") {
			s.instance, p = true, p[1:]
			lx.nInst++
		}
		if p != "" {
			if s.pLo, s.pHi, err = ints(p, nSyn); err != nil {
				return nil, fmt.Errorf("synset %d: %v", i, err)
			}
		}
		if fs[2] != "" {
			if s.cLo, s.cHi, err = ints(fs[2], nSyn); err != nil {
				return nil, fmt.Errorf("synset %d: %v", i, err)
			}
		}
	}

	nWords, err := section("L")
	if err != nil {
		return nil, err
	}
	lx.words = make(map[string]wnWord, nWords)
	for i := 0; i < nWords; i++ {
		l, ok := line()
		if !ok || !fields(l, 3) || fs[0] == "" {
			return nil, fmt.Errorf("lemma %d: bad line %q", i, l)
		}
		w := wnWord{common: -1}
		if fs[1] != "" {
			lo, hi, err := ints(fs[1], nSyn)
			if err != nil || hi-lo != 1 {
				return nil, fmt.Errorf("lemma %q: bad sense %q", fs[0], fs[1])
			}
			w.common = lx.pool[lo]
			lx.pool = lx.pool[:lo]
		}
		inst := fs[2]
		if strings.HasPrefix(inst, "!") {
			w.instFirst, inst = true, inst[1:]
		}
		if inst != "" {
			if w.iLo, w.iHi, err = ints(inst, nSyn); err != nil {
				return nil, fmt.Errorf("lemma %q: %v", fs[0], err)
			}
		}
		lx.words[fs[0]] = w
	}

	nExc, err := section("X")
	if err != nil {
		return nil, err
	}
	lx.exc = make(map[string]string, nExc)
	for i := 0; i < nExc; i++ {
		l, ok := line()
		if !ok || !fields(l, 2) {
			return nil, fmt.Errorf("plural %d: bad line %q", i, l)
		}
		lx.exc[fs[0]] = fs[1]
	}
	if _, ok := line(); ok {
		return nil, fmt.Errorf("trailing data after X section")
	}
	return lx, nil
}

func (lx *wnLexicon) parents(i int32) []int32 {
	s := &lx.syn[i]
	return lx.pool[s.pLo:s.pHi]
}

func (lx *wnLexicon) head(i int32) string {
	s := &lx.syn[i]
	return s.words[:s.firstBreak]
}

// capitalised reports whether synset i's head word starts with a capital.
func (lx *wnLexicon) capitalised(i int32) bool {
	r, _ := utf8.DecodeRuneInString(lx.syn[i].words)
	return unicode.IsUpper(r)
}

func (lx *wnLexicon) instances(w wnWord) []int32 { return lx.pool[w.iLo:w.iHi] }

// wnFold maps accented Latin letters to their unaccented forms (WordNet's
// lemmas are ASCII) and typographic apostrophes to "'".
var wnFold = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a", "ā", "a",
	"ç", "c", "č", "c", "ć", "c", "è", "e", "é", "e", "ê", "e", "ë", "e", "ē", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i", "ī", "i", "ñ", "n", "ń", "n",
	"ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ø", "o", "ō", "o",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ū", "u", "ý", "y", "ÿ", "y",
	"š", "s", "ś", "s", "ž", "z", "ź", "z", "ż", "z", "ł", "l", "ř", "r",
	"ß", "ss", "æ", "ae", "œ", "oe", "’", "'", "‘", "'",
)

// wnKey normalises a phrase to a lemma key: lowercase, accents folded,
// underscores and runs of white space turned into single spaces, trimmed.
func wnKey(s string) string {
	s = strings.ToLower(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			s = wnFold.Replace(s)
			break
		}
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '_' || unicode.IsSpace(r) }), " ")
}

// lookup finds a normalised key, also without a leading "the ".
func (lx *wnLexicon) lookup(key string) (wnWord, bool) {
	if w, ok := lx.words[key]; ok {
		return w, true
	}
	if rest, ok := strings.CutPrefix(key, "the "); ok {
		w, ok := lx.words[rest]
		return w, ok
	}
	return wnWord{}, false
}

// commonSense returns the first non-instance sense of a normalised noun key,
// trying the key itself and then singular forms of its last word (WordNet's
// irregular plurals, then the usual English suffix rules), or -1.
func (lx *wnLexicon) commonSense(key string) int32 {
	if key == "" {
		return -1
	}
	if w, ok := lx.lookup(key); ok && w.common >= 0 {
		return w.common
	}
	pre, last := "", key
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		pre, last = key[:i+1], key[i+1:]
	}
	try := func(sing string) int32 {
		if sing == "" || sing == last {
			return -1
		}
		if w, ok := lx.lookup(pre + sing); ok && w.common >= 0 {
			return w.common
		}
		return -1
	}
	if sing, ok := lx.exc[last]; ok {
		if s := try(sing); s >= 0 {
			return s
		}
	}
	if !strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "men") {
		return -1
	}
	for _, r := range [...]struct{ suf, rep string }{
		{"ies", "y"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
		{"shes", "sh"}, {"ves", "f"}, {"ves", "fe"}, {"men", "man"}, {"s", ""},
	} {
		if stem, ok := strings.CutSuffix(last, r.suf); ok && !strings.HasSuffix(last, "ss") {
			if s := try(stem + r.rep); s >= 0 {
				return s
			}
		}
	}
	return -1
}

// lexInstanceOf returns, for a proper name WordNet lists as an instance (an
// @i instance-hypernym pointer: "Danube", "Paris", "Nero", "Mozart"), the head
// words of the classes it is an instance of, best first: the classes of its
// first instance sense, then those of any further instance senses, without
// repeats ("Paris" -> national capital, mythical being, town). The name is
// matched case-insensitively, accents folded, with spaces for WordNet's
// underscores and a leading "the " optional. Nil if WordNet has no instance
// of that name.
func lexInstanceOf(name string) []string {
	lx := wnLex()
	w, ok := lx.lookup(wnKey(name))
	if !ok {
		return nil
	}
	var out []string
	for _, in := range lx.instances(w) {
		for _, c := range lx.parents(in) {
			h := lx.head(c)
			if !slices.Contains(out, h) {
				out = append(out, h)
			}
		}
	}
	return out
}

// lexHypernyms returns the hypernym chain of the first (most frequent)
// non-instance sense of a common noun or noun phrase, nearest first, starting
// with that sense's own head word and ending at "entity"; where WordNet gives
// a synset several hypernyms the first is followed ("stadium" -> stadium,
// structure, artifact, whole, object, physical entity, entity). The noun is
// normalised like lexInstanceOf's names, and a plural's singular is tried
// ("cities" -> city). Nil for unknown words and for names that are only
// instances.
func lexHypernyms(noun string) []string {
	lx := wnLex()
	s := lx.commonSense(wnKey(noun))
	if s < 0 {
		return nil
	}
	var out []string
	for n := 0; n < 64; n++ { // WordNet's noun hierarchy is < 20 deep
		out = append(out, lx.head(s))
		p := lx.parents(s)
		if len(p) == 0 {
			break
		}
		s = p[0]
	}
	return out
}

// classes resolves a name or noun phrase to the synsets that classify it and
// whether it was found as an instance:
//
//  1. If the whole phrase names an instance, the classes of its first
//     instance sense, provided the lemma's first sense is an instance, or it
//     has no other sense, or the phrase is capitalised and its first common
//     sense is not ("Mercury" the god, but "mercury" the element and
//     "French" the language, not the sculptor Daniel Chester French).
//  2. Else if the whole phrase (or its singular) is a common noun, its first
//     sense.
//  3. Else if it contains " of ", the part before the first " of " resolved by
//     rules 2 and 4 ("Cathedral of Notre Dame" -> cathedral).
//  4. Else the longest proper suffix of its words that is a common noun
//     ("Wembley Stadium" -> stadium, "New York Stock Exchange" -> stock
//     exchange).
func (lx *wnLexicon) classes(phrase string) (syns []int32, instance bool) {
	key := wnKey(phrase)
	if key == "" {
		return nil, false
	}
	if w, ok := lx.lookup(key); ok && w.iHi > w.iLo {
		r, _ := utf8.DecodeRuneInString(strings.TrimSpace(phrase))
		if w.common < 0 || w.instFirst || unicode.IsUpper(r) && !lx.capitalised(w.common) {
			return lx.parents(lx.instances(w)[0]), true
		}
	}
	if s := lx.commonSense(key); s >= 0 {
		return []int32{s}, false
	}
	if i := strings.Index(key, " of "); i > 0 {
		key = key[:i]
		if s := lx.commonSense(key); s >= 0 {
			return []int32{s}, false
		}
	}
	for i := strings.IndexByte(key, ' '); i >= 0; {
		if s := lx.commonSense(key[i+1:]); s >= 0 {
			return []int32{s}, false
		}
		j := strings.IndexByte(key[i+1:], ' ')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return nil, false
}

// lexClass returns the finest useful class of a name or noun phrase, as a
// WordNet head word: for an instance name its first class ("Danube" ->
// river), for a common noun its first sense's head word ("metropolis" ->
// city), else the class of the phrase's head noun ("Wembley Stadium" ->
// stadium, "Cathedral of Notre Dame" -> cathedral). See wnLexicon.classes for
// the exact order of the rules. "" if nothing is found.
func lexClass(phrase string) string {
	lx := wnLex()
	syns, _ := lx.classes(phrase)
	if len(syns) == 0 {
		return ""
	}
	return lx.head(syns[0])
}

// wnSameKindSteps is how far above each phrase's class a shared ancestor may
// be for lexSameKind.
const wnSameKindSteps = 2

// lexSameKind reports whether two names or noun phrases are of the same kind,
// so that one can stand as a distractor for the other. Each phrase is
// resolved to its class synsets as lexClass does (for an instance name, every
// class of its first instance sense: "Chicago" is a city and a port; for a
// common noun, its first sense). Hypernym steps follow every hypernym a
// synset has, and a class is 0 steps from itself. The phrases are of the same
// kind when either
//
//   - some synset C whose head word is not generic (not in wnGenericClasses:
//     entity, physical entity, object, whole, abstraction, artifact,
//     location, region, person, organism, living thing, causal agent, group,
//     matter, thing, attribute, measure, act, event, psychological feature,
//     and a few more such as structure, device, area, state) is at most
//     wnSameKindSteps (2) steps above a class of a and at most 2 steps above a
//     class of b; or
//   - some kind anchor (wnKindAnchors: genus, family, ill health, chemical
//     element, musical instrument, language, sport) is an ancestor, at any
//     distance, of a class of a and of a class of b.
//
// So two rivers (C = river), Paris and Chicago (national capital -> capital
// -> city), two emperors (Roman Emperor -> emperor), iron and oxygen
// (metallic element -> chemical element), Quercus and Canis (both genera),
// measles and diabetes (both ill health) are the same kind; a river and a
// city (nothing specific in common), an emperor and a poet (only person) are
// not. Unknown phrases are never the same kind as anything.
func lexSameKind(a, b string) bool {
	lx := wnLex()
	ca, _ := lx.classes(a)
	cb, _ := lx.classes(b)
	if len(ca) == 0 || len(cb) == 0 {
		return false
	}
	nearA := lx.ancestors(ca, wnSameKindSteps)
	for _, c := range lx.ancestors(cb, wnSameKindSteps) {
		if !lx.syn[c].generic && slices.Contains(nearA, c) {
			return true
		}
	}
	var anchors []int32
	for _, c := range lx.ancestors(ca, -1) {
		if lx.syn[c].anchor {
			anchors = append(anchors, c)
		}
	}
	if len(anchors) == 0 {
		return false
	}
	for _, c := range lx.ancestors(cb, -1) {
		if lx.syn[c].anchor && slices.Contains(anchors, c) {
			return true
		}
	}
	return false
}

// ancestors returns the synsets at most steps hypernym steps above any of
// from, from itself included; steps < 0 means no limit.
func (lx *wnLexicon) ancestors(from []int32, steps int) []int32 {
	out := append([]int32(nil), from...)
	frontier := out
	for step := 0; step != steps && len(frontier) > 0; step++ {
		start := len(out)
		for _, s := range frontier {
			for _, p := range lx.parents(s) {
				if !slices.Contains(out, p) {
					out = append(out, p)
				}
			}
		}
		frontier = out[start:]
	}
	return out
}

// lexContainers returns the names of the places a place is part of,
// transitively, from WordNet's part-holonym (#p) pointers of the first
// instance sense of name, nearest first, every synonym of each container
// included ("Paris" -> France, French Republic, Europe, Eurasia, ...). Nil
// for names that are not instances or have no holonyms.
func lexContainers(name string) []string {
	lx := wnLex()
	w, ok := lx.lookup(wnKey(name))
	if !ok || w.iHi == w.iLo {
		return nil
	}
	s := &lx.syn[lx.instances(w)[0]]
	var out []string
	for _, c := range lx.pool[s.cLo:s.cHi] {
		for _, word := range strings.Split(lx.syn[c].words, ";") {
			if !slices.Contains(out, word) {
				out = append(out, word)
			}
		}
	}
	return out
}
