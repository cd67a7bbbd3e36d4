package questions

import (
	"slices"
	"sort"
	"strings"
)

// ordering asks for the article's dated events in time order: one question
// from the three to five best-spread events with distinct dates.
func (g *generator) ordering() []Question {
	var events []*Fact
	seen := map[Date]bool{}
	for _, f := range g.byKind[KindEvent] {
		words := len(strings.Fields(f.Text))
		if seen[f.date] || words < 6 || words > 22 || !g.eventReadable(f) {
			continue
		}
		seen[f.date] = true
		events = append(events, f)
	}
	if len(events) < 3 {
		return nil
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].date.Before(events[j].date) })
	events = spread(events, 5)
	// Two events that cannot be told apart in time (a year beside a full
	// date in that year) make the order ambiguous.
	for i := 1; i < len(events); i++ {
		if !events[i-1].date.Before(events[i].date) {
			return nil
		}
	}
	var order, sources []string
	for _, e := range events {
		order = append(order, e.Text)
		sources = append(sources, e.Sentence)
	}
	q := Question{Type: Ordering, Kind: KindEvent, Order: order,
		Prompt:  "Put these events in the order they happened, earliest first.",
		Options: g.shuffleApart(order), Source: strings.Join(sources, " "), Section: events[0].Section,
		Score: typeWeight[Ordering] + kindWeight[KindEvent] + 0.05}
	return []Question{q}
}

// eventReadable rejects events whose description starts with a pronoun
// that would lose its referent out of context.
func (g *generator) eventReadable(f *Fact) bool {
	_, w := openingPronoun(f.Text)
	ws := stemWords(f.Text)
	for _, x := range ws {
		if notEvents[x] {
			return false // "The Allies planned to launch the invasion" did not happen on its date
		}
	}
	if len(ws) == 0 || ws[0] == "there" || fragmentEnd[ws[len(ws)-1]] || strings.HasSuffix(strings.TrimSpace(f.Text), ",") {
		return false // "The first flight of the Boeing 314 Clipper was" is half a sentence
	}
	return w == "" && !pointsElsewhere(strings.Fields(f.Text)) && !pointsBack(f.Text, g.heads, g.actors) && opensProperly(f.Text)
}

// fragmentEnd are words no whole clause ends on.
var fragmentEnd = wordSet(`was|were|is|are|be|been|the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|that|which|who|as|its|their|his|her`)

// notEvents are verbs of plans and states: what they say has no date to
// order by.
var notEvents = wordSet(`planned|intended|hoped|expected|proposed|aimed|sought|would|could|might|remained|continued|carried|eluded|
estimated|suffered|is|are|has|have`)

// spread keeps at most n items evenly spaced through sorted items.
func spread(items []*Fact, n int) []*Fact {
	if len(items) <= n {
		return items
	}
	out := make([]*Fact, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, items[i*(len(items)-1)/(n-1)])
	}
	return out
}

// shuffleApart shuffles items so that they are never already in order.
func (g *generator) shuffleApart(items []string) []string {
	out := g.shuffle(strings.Join(items, "|"), items)
	if strings.Join(out, "|") == strings.Join(items, "|") {
		out[0], out[len(out)-1] = out[len(out)-1], out[0]
	}
	return out
}

// matching makes a matching question from people and the roles the
// article gives them ("the governor Gaius Julius Vindex"): one-to-one
// pairs of one kind that the shape of the values does not give away.
// Abbreviations are not matched with their expansions (the initials give
// each pair away), nor infobox fields with their values (each value has a
// shape of its own: a date, a place, a person).
func (g *generator) matching() []Question {
	if pairs, src := g.rolePairs(); len(pairs) >= 3 {
		return []Question{g.matchQuestion("Match each person to the role the article gives them.", pairs, src, KindPerson, 0.06)}
	}
	return nil
}

func (g *generator) matchQuestion(prompt string, pairs [][2]string, sources []string, kind Kind, bonus float64) Question {
	if len(pairs) > 5 {
		pairs = pairs[:5]
		sources = sources[:5]
	}
	var rights []string
	for _, p := range pairs {
		rights = append(rights, p[1])
	}
	return Question{Type: Matching, Prompt: prompt, Pairs: pairs, Options: g.shuffleApart(rights),
		Source: strings.Join(dedupe(sources, ""), " "), Kind: kind, Section: g.sectionOf(sources[0]),
		Score: typeWeight[Matching] + kindWeight[kind] + bonus}
}

// sectionOf returns the section of the sentence (or "Infobox" for an
// infobox line) that src is.
func (g *generator) sectionOf(src string) string {
	for _, s := range g.sents {
		if s.Text == src {
			return s.Section
		}
	}
	return "Infobox"
}

// rolePairs pairs people with the title the article gives them, keeping
// roles that tell the people apart.
func (g *generator) rolePairs() ([][2]string, []string) {
	var pairs [][2]string
	var src []string
	var names, heads []string
	for _, f := range g.byKind[KindPerson] {
		if f.role == "" || len(strings.Fields(f.Text)) < 2 || honorifics[strings.ToLower(strings.TrimSuffix(f.role, "."))] {
			continue
		}
		role := plainRole(f.role)
		head := strings.TrimPrefix(strings.ToLower(lastWord(role)), "co-")
		if len(g.rolesOf(f.Text)) > 1 {
			continue // "Bill Bowerman" is coach and co-founder: not one pair
		}
		if role == "" || g.isSubject(f.Text) || g.sharesAnyWord(f.Text, names) || rankInName(f.Text) {
			continue // one person under two names ("Suetonius Paulinus", "Gaius Suetonius Paulinus") is not two pairs
		}
		// one-to-one: no role that another also fits ("General" and
		// "Swedish General", "Painter" and "Impressionist")
		if slices.ContainsFunc(heads, func(h string) bool { return h == head || alike(h, head, true) }) {
			continue
		}
		names, heads = append(names, f.Text), append(heads, head)
		pairs = append(pairs, [2]string{f.Text, role})
		src = append(src, f.Sentence)
	}
	if len(pairs) < 4 {
		return nil, nil
	}
	return pairs, src
}

// plainRole is a role as a matching option: without a nationality, which
// the name's own language would give away ("Russian referee" is
// "Referee"), and at most two words; "" when nothing of a role is left.
func plainRole(role string) string {
	var kept []string
	for _, w := range strings.Fields(role) {
		if !nationalities[strings.ToLower(w)] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 || len(kept) > 2 {
		return ""
	}
	return capitaliseFirst(strings.Join(kept, " "))
}

// rankInName reports whether a person's name carries a title ("Colonel
// John G. Hill"), which would match it to its role by itself.
func rankInName(name string) bool {
	for _, w := range strings.Fields(name) {
		if titles[strings.ToLower(strings.TrimSuffix(w, "."))] {
			return true
		}
	}
	return false
}

// honorifics stand before names without saying what their holders did.
var honorifics = wordSet(`dr|mr|mrs|ms|miss|sir|lord|lady|dame|prof|professor|saint|st`)

// rolesOf returns the distinct roles the article gives a person.
func (g *generator) rolesOf(name string) []string {
	if g.roles == nil {
		g.roles = map[string][]string{}
		for _, f := range g.byKind[KindPerson] {
			if r := strings.ToLower(plainRole(f.role)); r != "" && !slices.Contains(g.roles[f.Text], r) {
				g.roles[f.Text] = append(g.roles[f.Text], r)
			}
		}
		// an appositive or "the X" definition is a role too
		for _, d := range g.byKind[KindDefinition] {
			if r := strings.ToLower(d.Text); !slices.Contains(g.roles[d.Subject], r) && len(g.roles[d.Subject]) > 0 {
				g.roles[d.Subject] = append(g.roles[d.Subject], r)
			}
		}
	}
	return g.roles[name]
}
