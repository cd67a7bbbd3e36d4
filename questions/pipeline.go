package questions

import "context"

// Generated is what the engine makes of an article's text: the parsed
// article, the facts found in it, and the questions made from them, best
// first.
type Generated struct {
	Article   *Article
	Facts     []Fact
	Questions []Question
}

// FromText runs the whole engine on an article's text: it parses it,
// extracts its facts and generates its questions (opts.Count says how
// many). Text that is not an article gives the parser's *ParseError.
// Once ctx is done it stops and returns the context's error. This is the
// one way in for everything that adds an article: the article form and
// the API, regeneration, the import and generate commands, and the sample
// loaded at the first start.
func FromText(ctx context.Context, p *Parser, text []byte, opts Options) (*Generated, error) {
	a, err := p.Parse(text)
	if err != nil {
		return nil, err
	}
	facts, err := ExtractFactsContext(ctx, a)
	if err != nil {
		return nil, err
	}
	qs, err := GenerateContext(ctx, a, facts, opts)
	if err != nil {
		return nil, err
	}
	return &Generated{Article: a, Facts: facts, Questions: qs}, nil
}
