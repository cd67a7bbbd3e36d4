package stats

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkQuizStats computes a whole report, Quiz and Items, for 10,000
// attempts at a 20-question quiz.
func BenchmarkQuizStats(b *testing.B) {
	r := generate(rand.New(rand.NewPCG(3, 4)), 10_000, 20, 0)
	b.ReportAllocs()
	for b.Loop() {
		Quiz(r)
		Items(r)
	}
}
