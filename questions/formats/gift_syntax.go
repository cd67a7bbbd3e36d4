package formats

import (
	"sort"
	"strings"
	"unicode"
)

// giftChunk is one question of a GIFT file, its lines trimmed and joined
// with "\n", or one $CATEGORY line.
type giftChunk struct {
	text     string
	starts   []int // where each line starts in text
	lines    []int // the file line number of each line
	category bool
}

// giftChunks splits a GIFT file into questions at blank lines, dropping
// comment lines. A $CATEGORY line stands alone even without blank lines
// around it.
func giftChunks(data string) []*giftChunk {
	data = strings.TrimPrefix(data, "\ufeff")
	var out []*giftChunk
	var text strings.Builder
	cur := &giftChunk{}
	flush := func() {
		if len(cur.lines) > 0 {
			cur.text = text.String()
			out = append(out, cur)
		}
		cur = &giftChunk{}
		text.Reset()
	}
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
		case strings.HasPrefix(line, "//"):
		case strings.HasPrefix(line, "$CATEGORY:"):
			flush()
			out = append(out, &giftChunk{text: line, starts: []int{0}, lines: []int{i + 1}, category: true})
		default:
			if text.Len() > 0 {
				text.WriteByte('\n')
			}
			cur.starts = append(cur.starts, text.Len())
			cur.lines = append(cur.lines, i+1)
			text.WriteString(line)
		}
	}
	flush()
	return out
}

func (c *giftChunk) lineAt(off int) int {
	i := sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > off }) - 1
	return c.lines[max(i, 0)]
}

// giftCategoryTags reads the tags of a $CATEGORY line. As in Moodle, a
// single / separates the path's segments and // stands for a / in a name.
func giftCategoryTags(line string) []string {
	path := strings.TrimSpace(strings.TrimPrefix(line, "$CATEGORY:"))
	var segs []string
	start := 0
	for i := 0; i <= len(path); i++ {
		lone := i == len(path) || path[i] == '/' && (i == 0 || path[i-1] != '/') && (i+1 == len(path) || path[i+1] != '/')
		if lone {
			segs = append(segs, strings.TrimSpace(strings.ReplaceAll(path[start:i], "//", "/")))
			start = i + 1
		}
	}
	if isCategoryContext(segs[0]) {
		segs = segs[1:]
		if len(segs) > 0 && segs[0] == "top" {
			segs = segs[1:]
		}
	}
	var tags []string
	for _, s := range segs {
		if s != "" {
			tags = append(tags, s)
		}
	}
	return tags
}

// isCategoryContext reports whether s is a Moodle context such as
// "$course$" or "$system$".
func isCategoryContext(s string) bool {
	if len(s) < 3 || s[0] != '$' || s[len(s)-1] != '$' {
		return false
	}
	return strings.Trim(s[1:len(s)-1], "abcdefghijklmnopqrstuvwxyz") == ""
}

// giftSpan is a piece of a chunk's text, with escapes still in it, and
// where it starts, so that errors can name their line.
type giftSpan struct {
	s   string
	off int
}

func (sp giftSpan) sub(i, j int) giftSpan { return giftSpan{sp.s[i:j], sp.off + i} }
func (sp giftSpan) from(i int) giftSpan   { return sp.sub(i, len(sp.s)) }

func (sp giftSpan) trim() giftSpan {
	left := strings.TrimLeftFunc(sp.s, unicode.IsSpace)
	return giftSpan{strings.TrimRightFunc(left, unicode.IsSpace), sp.off + len(sp.s) - len(left)}
}

// index returns where sep first starts outside an escape, or -1.
func (sp giftSpan) index(sep string) int {
	for i := 0; i < len(sp.s); i++ {
		if giftEscaped(sp.s, i) {
			i++
			continue
		}
		if strings.HasPrefix(sp.s[i:], sep) {
			return i
		}
	}
	return -1
}

func (sp giftSpan) lastIndex(sep string) int {
	last := -1
	for i := 0; i < len(sp.s); i++ {
		if giftEscaped(sp.s, i) {
			i++
			continue
		}
		if strings.HasPrefix(sp.s[i:], sep) {
			last = i
		}
	}
	return last
}

func (sp giftSpan) has(sep string) bool { return sp.index(sep) >= 0 }

// cut splits sp at the first sep outside an escape.
func (sp giftSpan) cut(sep string) (before, after giftSpan, found bool) {
	i := sp.index(sep)
	if i < 0 {
		return sp, giftSpan{off: sp.off + len(sp.s)}, false
	}
	return sp.sub(0, i), sp.from(i + len(sep)), true
}

// giftEscaped reports whether s[i] starts one of GIFT's escapes.
func giftEscaped(s string, i int) bool {
	return s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`\~=#{}:n`, s[i+1]) >= 0
}

func giftUnescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case !giftEscaped(s, i):
			b.WriteByte(s[i])
		case s[i+1] == 'n':
			b.WriteByte('\n')
			i++
		default:
			b.WriteByte(s[i+1])
			i++
		}
	}
	return b.String()
}

// giftText is the text a span stands for: trimmed, without a format
// prefix, unescaped.
func giftText(sp giftSpan) string {
	return strings.TrimSpace(giftUnescape(stripFormat(strings.TrimSpace(sp.s))))
}

// stripFormat drops a [html], [markdown], [plain] or [moodle] prefix.
func stripFormat(s string) string {
	end := strings.IndexByte(s, ']')
	if !strings.HasPrefix(s, "[") || end < 0 {
		return s
	}
	switch s[1:end] {
	case "html", "markdown", "plain", "moodle":
		return s[end+1:]
	}
	return s
}
