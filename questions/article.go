package questions

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultMaxBytes is the size limit a Parser applies when MaxBytes is zero.
const DefaultMaxBytes = 2 << 20

// Errors a Parser reports, wrapped in a *ParseError that says where.
var (
	ErrEmpty       = errors.New("the article is empty")
	ErrBinary      = errors.New("the article is not text")
	ErrTooLarge    = errors.New("the article is too large")
	ErrNoTitle     = errors.New("the article has no title")
	ErrNoSentences = errors.New("the article has no sentences to ask about")
)

// ParseError is the error a Parser returns: what is wrong and on which line
// (1-based; 0 when it concerns the whole text).
type ParseError struct {
	Line int
	Err  error
	// Detail adds specifics to Err, such as the size limit.
	Detail string
}

func (e *ParseError) Error() string {
	msg := e.Err.Error()
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, msg)
	}
	return msg
}

func (e *ParseError) Unwrap() error { return e.Err }

// Article is a parsed article: its title, its infobox and its sections.
// Sections[0] is the lead (the text before the first heading); its Title is
// empty.
type Article struct {
	Title    string
	Infobox  []Field
	Sections []Section
}

// Field is one "- Key: Value" line of an infobox. Keys that end in a digit
// are sides of one record (Combatant1, Strength1, Casualties1): Side is
// that digit and Base the key without it; other fields have Side 0.
type Field struct {
	Key, Value string
	Line       int
	Base       string
	Side       int
}

// Section is a headed part of an article.
type Section struct {
	Title     string
	Level     int // 1 for the lead, 2 for "==", 3 for "===", ...
	Line      int
	Sentences []Sentence
}

// Sentence is one sentence and its position in the article.
type Sentence struct {
	Text      string
	Section   string // the title of the section, "" in the lead
	SectionNo int    // index into Article.Sections
	Paragraph int    // index of the paragraph in the article, from 0
	Position  int    // index of the sentence in its paragraph, from 0
	Line      int
	// Item is set for a sentence of a list item ("- ..."): a line of a
	// works list, a timeline or the notes, seldom a sentence of prose.
	Item bool
}

// Sentences returns every sentence of the article in reading order.
func (a *Article) Sentences() []Sentence {
	var out []Sentence
	for _, s := range a.Sections {
		out = append(out, s.Sentences...)
	}
	return out
}

// Parser reads articles. The zero value is ready to use.
type Parser struct {
	// MaxBytes is the largest article accepted; 0 means DefaultMaxBytes.
	MaxBytes int
}

// ParseArticle parses text with the default Parser.
func ParseArticle(text []byte) (*Article, error) {
	return (&Parser{}).Parse(text)
}

// Parse reads an article in one of three shapes: wiki style (a "= Title ="
// first line, "== Section ==" headings, an optional "Infobox" block of
// "- Key: Value" lines), Markdown ("# Title", "## Section"), or plain text
// whose first line is the title.
func (p *Parser) Parse(text []byte) (*Article, error) {
	if err := p.check(text); err != nil {
		return nil, err
	}
	lines := strings.Split(strings.ReplaceAll(string(text), "\r\n", "\n"), "\n")
	a := &Article{}
	i := skipBlank(lines, 0)
	title, marked := headingText(lines[i])
	if !marked {
		title = strings.TrimSpace(lines[i])
	}
	if title == "" {
		return nil, &ParseError{Line: i + 1, Err: ErrNoTitle}
	}
	a.Title = title
	titleLine := i + 1
	cur := Section{Level: 1, Line: titleLine}
	paragraph := 0
	for i++; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		switch {
		case line == "":
			continue
		case isInfoboxStart(line) && len(a.Infobox) == 0:
			i = parseInfobox(lines, i+1, a)
		case isHeading(line):
			t, _ := headingText(line)
			a.Sections = append(a.Sections, cur)
			cur = Section{Title: t, Level: headingLevel(line), Line: i + 1}
		case !marked && plainHeading(line) && i+1 < len(lines):
			// Plain text marks no headings: a short line without a full
			// stop, before more text, is one.
			a.Sections = append(a.Sections, cur)
			cur = Section{Title: line, Level: 2, Line: i + 1}
		default:
			first := i
			// A paragraph runs on over wrapped lines until a blank line, a
			// heading or a list item. A builder joins them: adding to a
			// string line by line is quadratic in a paragraph of many short
			// lines.
			if i+1 < len(lines) && continuesParagraph(lines[i+1]) {
				var b strings.Builder
				b.WriteString(line)
				for i+1 < len(lines) && continuesParagraph(lines[i+1]) {
					i++
					// b.String() does not copy
					if sofar := b.String(); !strings.HasSuffix(sofar, "-") || strings.HasSuffix(sofar, " -") {
						b.WriteByte(' ') // a line broken after a hyphen ("Norman-") joins up
					}
					b.WriteString(strings.TrimSpace(lines[i]))
				}
				line = b.String()
			}
			item := isListItem(line)
			sentences := SplitSentences(cleanParagraph(line))
			if len(sentences) == 0 {
				continue // a bare list marker
			}
			for pos, s := range sentences {
				cur.Sentences = append(cur.Sentences, Sentence{
					Text: s, Section: cur.Title, SectionNo: len(a.Sections),
					Paragraph: paragraph, Position: pos, Line: first + 1, Item: item,
				})
			}
			paragraph++
		}
	}
	a.Sections = append(a.Sections, cur)
	if paragraph == 0 {
		return nil, &ParseError{Line: titleLine, Err: ErrNoSentences,
			Detail: "only a title" + infoboxNote(a) + " was found; add paragraphs of prose"}
	}
	return a, nil
}

// plainHeading reports whether a line of plain text reads as a heading:
// a few capitalised words with no closing punctuation.
func plainHeading(line string) bool {
	if len(line) > 60 || len(strings.Fields(line)) > 8 || strings.ContainsAny(line[len(line)-1:], ".!?:;,\"”)") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// continuesParagraph reports whether a line carries on the paragraph
// above it, as hard-wrapped text does.
func continuesParagraph(line string) bool {
	line = strings.TrimSpace(line)
	return line != "" && !isHeading(line) && !isInfoboxStart(line) && !isListItem(line)
}

func isListItem(line string) bool {
	for _, marker := range []string{"- ", "* ", "+ "} {
		if strings.HasPrefix(line, marker) {
			return true
		}
	}
	return len(line) > 2 && line[0] >= '0' && line[0] <= '9' && (strings.HasPrefix(line[1:], ". ") || strings.HasPrefix(line[1:], ") "))
}

func infoboxNote(a *Article) string {
	if len(a.Infobox) > 0 {
		return " and an infobox"
	}
	return ""
}

// Limit returns the size limit in force.
func (p *Parser) Limit() int {
	if p.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return p.MaxBytes
}

// CheckSize reports an ErrTooLarge ParseError for an article of size bytes
// over the limit, so that a caller can refuse a file or an upload before
// reading all of it.
func (p *Parser) CheckSize(size int64) error {
	if size > int64(p.Limit()) {
		return &ParseError{Err: ErrTooLarge, Detail: fmt.Sprintf("%d bytes; the limit is %d bytes", size, p.Limit())}
	}
	return nil
}

// check rejects text that is not an article before any parsing is done.
func (p *Parser) check(text []byte) error {
	if err := p.CheckSize(int64(len(text))); err != nil {
		return err
	}
	if i := bytes.IndexByte(text, 0); i >= 0 {
		return &ParseError{Line: lineAt(text, i), Err: ErrBinary, Detail: "it contains a NUL byte"}
	}
	if !utf8.Valid(text) {
		return &ParseError{Line: lineAt(text, invalidUTF8At(text)), Err: ErrBinary, Detail: "it is not valid UTF-8"}
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return &ParseError{Line: 1, Err: ErrEmpty}
	}
	return nil
}

func lineAt(text []byte, offset int) int {
	return bytes.Count(text[:offset], []byte("\n")) + 1
}

func invalidUTF8At(text []byte) int {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(text)
}

func skipBlank(lines []string, i int) int {
	for i < len(lines)-1 && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}

// isInfoboxStart accepts the "Infobox" marker line, with or without a type
// ("Infobox military conflict") or a trailing colon.
func isInfoboxStart(line string) bool {
	l := strings.ToLower(strings.TrimSuffix(line, ":"))
	return l == "infobox" || strings.HasPrefix(l, "infobox ") && len(strings.Fields(l)) <= 4
}

// parseInfobox reads "- Key: Value" lines from lines[i:] into a and returns
// the index of the last line it consumed.
func parseInfobox(lines []string, i int, a *Article) int {
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(line, "- ") && !strings.HasPrefix(line, "* ") && !strings.HasPrefix(line, "| ") {
			return i - 1
		}
		key, value, ok := strings.Cut(line[2:], ":")
		if !ok {
			continue
		}
		key, value = strings.TrimSpace(key), cleanInfoValue(value)
		if key == "" || value == "" {
			continue
		}
		base, side := splitSide(key)
		a.Infobox = append(a.Infobox, Field{Key: key, Value: value, Line: i + 1, Base: base, Side: side})
	}
	return i
}

// splitSide splits "Strength1" into "Strength" and 1.
func splitSide(key string) (string, int) {
	base := strings.TrimRight(key, "0123456789")
	if base == key || base == "" {
		return key, 0
	}
	side := 0
	for _, c := range key[len(base):] {
		side = side*10 + int(c-'0')
		if side > 99 {
			return key, 0
		}
	}
	return strings.TrimRight(base, " _"), side
}

// cleanInfoValue tidies list values that infobox exports leave ragged, such
// as ", 200 men, 3 helicopters , ~20 men".
func cleanInfoValue(v string) string {
	var parts []string
	start := 0
	for i := 0; i <= len(v); i++ {
		// a comma inside a number ("2,850 km") does not separate items
		if i < len(v) && (v[i] != ',' || i > 0 && i+1 < len(v) && isDigitByte(v[i-1]) && isDigitByte(v[i+1])) {
			continue
		}
		if p := strings.Join(strings.Fields(v[start:i]), " "); p != "" {
			parts = append(parts, p)
		}
		start = i + 1
	}
	return strings.Join(parts, ", ")
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

func isHeading(line string) bool {
	_, ok := headingText(line)
	return ok
}

// headingText returns the text of a wiki ("== T ==") or Markdown ("## T")
// heading.
func headingText(line string) (string, bool) {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "=") && strings.HasSuffix(line, "=") && len(line) >= 2 {
		t := strings.TrimSpace(strings.Trim(line, "="))
		return t, true
	}
	if strings.HasPrefix(line, "#") {
		t := strings.TrimLeft(line, "#")
		if t == "" || t[0] == ' ' {
			return strings.TrimSpace(strings.TrimRight(t, "# ")), true
		}
	}
	return "", false
}

func headingLevel(line string) int {
	line = strings.TrimSpace(line)
	return len(line) - len(strings.TrimLeft(line, "=#"))
}

// cleanParagraph drops list markers and Markdown emphasis and folds runs of
// white space.
func cleanParagraph(line string) string {
	for _, marker := range []string{"- ", "* ", "+ "} {
		line = strings.TrimPrefix(line, marker)
	}
	line = markdownEmphasis.Replace(line)
	line = stripReferences(line)
	return strings.Join(strings.Fields(line), " ")
}

// stripReferences removes footnote marks copied from encyclopedias:
// "[1]", "[12]", "[a]", "[citation needed]".
func stripReferences(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "[")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "]")
		if j < 0 {
			break
		}
		inner := s[i+1 : i+j]
		b.WriteString(s[:i])
		if !isReference(inner) {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

func isReference(inner string) bool {
	if inner == "" || len(inner) > 30 {
		return false
	}
	if isDigits(inner) || len(inner) == 1 && inner[0] >= 'a' && inner[0] <= 'z' {
		return true
	}
	switch strings.ToLower(inner) {
	case "citation needed", "clarification needed", "who?", "when?", "according to whom?", "dubious – discuss", "failed verification", "note", "nb", "better source needed", "by whom?", "which?", "page needed":
		return true
	}
	return strings.HasPrefix(inner, "note ") || strings.HasPrefix(inner, "nb ")
}

var markdownEmphasis = strings.NewReplacer("**", "", "__", "", "`", "")
