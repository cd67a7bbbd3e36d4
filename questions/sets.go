package questions

import (
	"hash/fnv"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// ordering asks for the article's dated events in time order: one question
// from the three to five best-spread events with distinct dates.
func (g *generator) ordering() []Question {
	var events []*Fact
	seen := map[Date]bool{}
	opened := map[string]bool{}
	for _, f := range g.byKind[KindEvent] {
		words := len(strings.Fields(f.Text))
		if seen[f.date] || words < 6 || words > 22 || !g.eventReadable(f) {
			continue
		}
		if _, _, _, ok := g.stem(f.sentence); !ok {
			// its sentence fails what a blank's stem must pass (text the
			// copy broke, a reference to an earlier sentence, a list's
			// line): "Range finders of base lengths of were introduced",
			// "Saladin then moved to besiege the fortress"
			continue
		}
		// "At Huntington Avenue Baseball Grounds, ..." three times over:
		// items that open alike are the same kind of line (a game, a
		// result), not events a learner tells apart
		ws := stemWords(f.Text)
		open := strings.Join(ws[:min(4, len(ws))], " ")
		if opened[open] {
			continue
		}
		opened[open] = true
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
		if notEvents[x] || x == "not" || x == "never" {
			return false // "The Allies planned to launch the invasion" (or "had not") did not happen on its date
		}
		if x == "born" || x == "died" {
			return false // a life's first and last event give their places in the order away
		}
	}
	for i := 0; i+1 < len(ws); i++ {
		if (ws[i] == "was" || ws[i] == "were") && (ws[i+1] == "a" || ws[i+1] == "an" || ws[i+1] == "one") ||
			ws[i] == "had" && (ws[i+1] == "only" || ws[i+1] == "no" || ws[i+1] == "a" || ws[i+1] == "an" || ws[i+1] == "over" || isDigits(strings.ReplaceAll(ws[i+1], ",", ""))) {
			return false // "The city was a major centre for rock music", "Nairobi had 24,000 residents": a state, not an event
		}
	}
	if tw := strings.Fields(f.Text); len(tw) >= 3 && (tw[len(tw)-3] == "which" || tw[len(tw)-3] == "who") && (tw[len(tw)-2] == "was" || tw[len(tw)-2] == "were") {
		return false // "... the Acoustical Society of America, which was founded": the clause's date, cut off
	}
	if bigFigure.MatchString(f.Text) || strings.Contains(f.Text, "celebrated") {
		return false // "More than 6,783,000 visitors ... visited the city", a yearly holiday: a year's figures, not events
	}
	if len(ws) > 1 && ws[0] == "according" {
		return false // "According to a MTV News article, the number was released": a source, not an event
	}
	if len(ws) == 0 || ws[0] == "there" || subordinators[ws[0]] || fragmentEnd[ws[len(ws)-1]] ||
		strings.HasSuffix(strings.TrimSpace(f.Text), ",") || strings.HasSuffix(strings.TrimSpace(f.Text), ":") ||
		strings.Count(f.Text, "(") != strings.Count(f.Text, ")") {
		// "The first flight of the Boeing 314 Clipper was" is half a
		// sentence, "After failing to gain a post" a clause with no event,
		// "(written by Schober" a bracket cut open
		return false
	}
	if len(FindDates(f.Sentence)) > 1 {
		return false // "... retained some Finnish lands ... in 1712 ... 1721": which year is the event's?
	}
	if ls := strings.ToLower(f.Sentence); strings.Contains(ls, "until ") || strings.Contains(ls, "since ") || strings.Contains(ls, " by ") && openEnded(f.Sentence, f.span) ||
		garbled(f.Sentence) || referenceSection(f.Section) {
		return false // "Until 2016, eight subspecies were accepted": a state, not an event
	}
	for _, x := range strings.Fields(strings.ToLower(f.Text)) {
		if x = strings.Trim(x, ",.;:\"'“”()"); subjectPronouns[x] || x == "%" || x == "percent" || strings.HasSuffix(x, "%") {
			// "Derelict for many years, it was demolished": which? "22% of
			// Bolsheviks were under 20": a state, not an event
			return false
		}
	}
	return w == "" && !strayPronoun(f.Text, nil) && !pointsElsewhere(strings.Fields(f.Text)) && !pointsBack(f.Text, g.heads, g.actors) && opensProperly(f.Text)
}

var bigFigure = regexp.MustCompile(`\d{1,3}(?:,\d{3})+`)

// subordinators open a clause that hangs on another: an ordering item that
// starts with one is not an event of its own.
var subordinators = wordSet(`after|when|while|whilst|before|although|though|because|as|since|upon|during|if|once|until|following|despite`)

// fragmentEnd are words no whole clause ends on.
var fragmentEnd = wordSet(`was|were|is|are|be|been|the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|that|which|who|as|its|their|his|her|
mostly|mainly|largely|chiefly|primarily|especially|notably|including|partly`)

// notEvents are verbs of plans and states: what they say has no date to
// order by.
var notEvents = wordSet(`planned|intended|hoped|expected|proposed|aimed|sought|would|could|might|remained|continued|carried|eluded|
estimated|suffered|is|are|has|have|located|situated|considered|regarded|increasingly|known`)

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

// ShuffledApart returns items in an order seeded from the items
// themselves, and different from theirs when they have two or more: the
// order an imported ordering or matching question shows its options in,
// since a file does not keep one.
func ShuffledApart(items []string) []string {
	if len(items) < 2 {
		return slices.Clone(items)
	}
	h := fnv.New64a()
	for _, it := range items {
		h.Write([]byte(it))
		h.Write([]byte{0})
	}
	g := &generator{seed: h.Sum64()}
	return g.shuffleApart(items)
}

// shuffleApart shuffles items so that they are never already in order.
func (g *generator) shuffleApart(items []string) []string {
	out := g.shuffle(strings.Join(items, "|"), items)
	if strings.Join(out, "|") == strings.Join(items, "|") {
		out[0], out[len(out)-1] = out[len(out)-1], out[0]
	}
	return out
}

// honorifics stand before names without saying what their holders did.
var honorifics = wordSet(`dr|mr|mrs|ms|miss|sir|lord|lady|dame|prof|professor|saint|st`)
