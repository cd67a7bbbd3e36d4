package questions

import (
	"context"
	"strings"
)

// The engine must take time about linear in its input whatever the input:
// a pathological article (one sentence of thousands of numbers, thousands
// of names, hundreds of acronyms) must not keep a core busy for minutes.
// What follows bounds the work that would otherwise grow with the square
// of the article, and lets a caller stop the work it no longer wants.

// maxDistinct caps each kind's pool of distinct facts (generator.distinct)
// from which distractors are drawn: every name fact looks through the
// pool of its kind, so an unbounded pool makes an article of thousands of
// names quadratic. The first maxDistinct in article order are kept; an
// ordinary article has far fewer.
const maxDistinct = 256

// checkEvery is how many facts pass between two looks at the context.
const checkEvery = 64

// canceled reports whether ctx is done; a nil context never is.
func canceled(ctx context.Context) bool {
	return ctx != nil && ctx.Err() != nil
}

// ExtractFactsContext is ExtractFacts that stops, with the context's error,
// once ctx is done.
func ExtractFactsContext(ctx context.Context, a *Article) ([]Fact, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	facts := extractFacts(ctx, a)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return facts, nil
}

// GenerateContext is Generate that stops, with the context's error, once
// ctx is done. Until then the questions are those Generate makes.
func GenerateContext(ctx context.Context, a *Article, facts []Fact, opts Options) ([]Question, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	opts.Context = ctx
	qs := Generate(a, facts, opts)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return qs, nil
}

// textScore is sentenceScore of sentence i as written, remembered: the
// acronyms and definitions of one long sentence would read it again each.
func (g *generator) textScore(i int) float64 {
	if v, ok := g.textScores[i]; ok {
		return v
	}
	if g.textScores == nil {
		g.textScores = map[int]float64{}
	}
	v := g.sentenceScore(i, g.sents[i].Text)
	g.textScores[i] = v
	return v
}

// namePartners returns the words that share a multi-word person name of
// the article with name: sameFullName(t, name) is partners[t], for the
// price of one pass over the names instead of one per option.
func (g *generator) namePartners(name string) map[string]bool {
	partners := map[string]bool{}
	for _, o := range g.distinct[KindPerson] {
		parts := strings.Fields(o.Text)
		if len(parts) < 2 {
			continue
		}
		for _, p := range parts {
			if p == name {
				for _, q := range parts {
					partners[q] = true
				}
				break
			}
		}
	}
	return partners
}
