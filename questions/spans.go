package questions

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// spanIndex answers "does this span overlap any of these?" in logarithmic
// time, where overlaps takes time linear in the spans: a sentence of many
// dates and many numbers would otherwise compare each with all.
type spanIndex struct {
	spans  []Span // sorted by Start
	maxEnd []int  // maxEnd[k] is the largest End of spans[:k+1]
}

func newSpanIndex(spans []Span) *spanIndex {
	sorted := append([]Span(nil), spans...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	ix := &spanIndex{spans: sorted, maxEnd: make([]int, len(sorted))}
	for k, sp := range sorted {
		ix.maxEnd[k] = sp.End
		if k > 0 && ix.maxEnd[k-1] > sp.End {
			ix.maxEnd[k] = ix.maxEnd[k-1]
		}
	}
	return ix
}

// overlaps is overlaps(sp, spans) for the spans of the index.
func (ix *spanIndex) overlaps(sp Span) bool {
	if ix == nil {
		return false
	}
	// the spans that start before sp ends; one of them overlaps sp if
	// it ends after sp starts
	k := sort.Search(len(ix.spans), func(k int) bool { return ix.spans[k].Start >= sp.End })
	return k > 0 && ix.maxEnd[k-1] > sp.Start
}

// fieldIndex holds where the white-space separated fields of a text (as
// strings.Fields splits it) start and end, so that the fields before an
// offset are found without splitting all the text before it.
type fieldIndex struct {
	s            string
	starts, ends []int
}

func newFieldIndex(s string) *fieldIndex {
	ix := &fieldIndex{s: s}
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		space := unicode.IsSpace(r)
		switch {
		case space && start >= 0:
			ix.starts, ix.ends = append(ix.starts, start), append(ix.ends, i)
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		ix.starts, ix.ends = append(ix.starts, start), append(ix.ends, len(s))
	}
	return ix
}

// lastFields returns up to n of the last fields of strings.Fields(s[:at]),
// in text order.
func (ix *fieldIndex) lastFields(at, n int) []string {
	k := sort.SearchInts(ix.starts, at) // fields that start before at
	var out []string
	for j := max(0, k-n); j < k; j++ {
		out = append(out, ix.s[ix.starts[j]:min(ix.ends[j], at)])
	}
	return out
}
