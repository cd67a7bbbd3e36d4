package formats

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// giftMatching is one GIFT matching question of n pairs and n extras.
func giftMatching(n int) string {
	var b strings.Builder
	b.WriteString("::Big:: Match them. {\n")
	for i := range n {
		fmt.Fprintf(&b, "=left %d -> right %d\n", i, i)
	}
	for i := range n {
		fmt.Fprintf(&b, "= -> extra %d\n", i)
	}
	b.WriteString("}\n")
	return b.String()
}

// BenchmarkPathologicalGIFT imports one matching question of 1000 and of
// 8000 pairs: its options were once deduplicated by a quadratic search.
func BenchmarkPathologicalGIFT(b *testing.B) {
	for _, n := range []int{1000, 8000} {
		text := giftMatching(n)
		b.Run("matching/"+strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := ParseGIFT(strings.NewReader(text)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestPathologicalGIFTMatching imports a matching question of 2000 pairs
// with its options all kept, once each.
func TestPathologicalGIFTMatching(t *testing.T) {
	res, err := ParseGIFT(strings.NewReader(giftMatching(2000)))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Questions) != 1 {
		t.Fatalf("%d questions, errors %v", len(res.Questions), res.Errors)
	}
	q := res.Questions[0].Question
	if len(q.Pairs) != 2000 || len(q.Options) != 4000 {
		t.Fatalf("%d pairs and %d options, want 2000 and 4000", len(q.Pairs), len(q.Options))
	}
}
