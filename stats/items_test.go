package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

var itemsTests = []struct {
	name string
	r    Results
	want []ItemStats
}{
	{"empty", Results{}, []ItemStats{}},
	{"never asked", Results{MaxMarks: []float64{1, 1}, Marks: [][]float64{{1}, {0}}}, []ItemStats{
		{Attempts: 2, Facility: 50, SD: 100 * math.Sqrt(0.5), Discrimination: nan, Efficiency: nan, Flag: Unknown},
		{Attempts: 0, Facility: nan, SD: nan, Discrimination: nan, Efficiency: nan, Flag: Unknown},
	}},
	{"one attempt", Results{Marks: [][]float64{{1, 0}}}, []ItemStats{
		{Attempts: 1, Facility: 100, SD: nan, Discrimination: nan, Efficiency: nan, Flag: Unknown},
		{Attempts: 1, Facility: 0, SD: nan, Discrimination: nan, Efficiency: nan, Flag: Unknown},
	}},
	// Everyone right on Q1 and wrong on Q3: nothing to correlate for them,
	// and for Q2 the rest of the quiz is the same for everyone.
	{"all right, all wrong", Results{Marks: [][]float64{{1, 1, 0}, {1, 0, 0}, {1, 0.5, 0}}}, []ItemStats{
		{Attempts: 3, Facility: 100, SD: 0, Discrimination: nan, Efficiency: nan, Flag: Unknown},
		{Attempts: 3, Facility: 50, SD: 50, Discrimination: nan, Efficiency: nan, Flag: Unknown},
		{Attempts: 3, Facility: 0, SD: 0, Discrimination: nan, Efficiency: nan, Flag: Unknown},
	}},
	// Two questions that agree perfectly discriminate perfectly.
	{"perfect", Results{Marks: [][]float64{{1, 1}, {0, 0}, {1, 1}, {0, 0}}}, []ItemStats{
		{Attempts: 4, Facility: 50, SD: 100 / math.Sqrt(3), Discrimination: 100, Efficiency: 100, Flag: Unflagged},
		{Attempts: 4, Facility: 50, SD: 100 / math.Sqrt(3), Discrimination: 100, Efficiency: 100, Flag: Unflagged},
	}},
	// See notAsked for the scores. x is the mark, y the rest-of-quiz score
	// (percentage of the other questions asked); attempts asked only the one
	// question (A6 for Q1, A4 for Q3) count for facility and SD only.
	//
	// Q1, asked in A1 A2 A3 A6 A7: x 1 0 1 0 1, facility 60, var 3/10.
	// Pairs A1 A2 A3 A7: x 1 0 1 1, y 100 100 0 100; means 3/4, 75;
	// Σdx² = 3/4, Σdy² = 7500, Σdx·dy = (25 − 75 − 75 + 25)/4 = −25, so
	// D = 100·(−25)/√(3/4·7500) = −2500/75 = −100/3. Sorted, x 0 1 1 1 and
	// y 0 100 100 100: Σ = (225 + 75)/4 = 75, E = 100·(−25)/75 = −100/3.
	//
	// Q2, asked in A1 A3 A7: x 1 0 1, facility 200/3, var 1/3;
	// y 100 50 100, already in x's order: D = E = 100.
	//
	// Q3, asked in A2 A3 A4 A7: x 1 0 1 1, facility 75, var 1/4.
	// Pairs A2 A3 A7: x 1 0 1, y 0 50 100; dy −50 0 50 against dx 1/3 −2/3
	// 1/3: Σdx·dy = 0, so D = 0 (low, not negative) and E = 0.
	{"not asked", notAsked, []ItemStats{
		{Attempts: 5, Facility: 60, SD: 100 * math.Sqrt(0.3), Discrimination: -100.0 / 3, Efficiency: -100.0 / 3, Flag: Negative},
		{Attempts: 3, Facility: 200.0 / 3, SD: 100 / math.Sqrt(3), Discrimination: 100, Efficiency: 100, Flag: Unflagged},
		{Attempts: 4, Facility: 75, SD: 50, Discrimination: 0, Efficiency: 0, Flag: Low},
	}},
}

func TestItems(t *testing.T) {
	for _, tt := range itemsTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Items(tt.r)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d items, want %d", len(got), len(tt.want))
			}
			for q, w := range tt.want {
				if !sameItem(got[q], w, 1e-9) {
					t.Errorf("Q%d:\n got %+v\nwant %+v", q+1, got[q], w)
				}
			}
		})
	}
}

func sameItem(a, b ItemStats, tol float64) bool {
	return a.Attempts == b.Attempts && a.Flag == b.Flag &&
		same(a.Facility, b.Facility, tol) && same(a.SD, b.SD, tol) &&
		same(a.Discrimination, b.Discrimination, tol) && same(a.Efficiency, b.Efficiency, tol)
}

func TestFlag(t *testing.T) {
	for _, tt := range []struct {
		d    float64
		want Flag
	}{
		{100, Unflagged},
		{LowThreshold, Unflagged},
		{math.Nextafter(LowThreshold, 0), Low},
		{NegativeThreshold, Low},
		{math.Nextafter(NegativeThreshold, -1), Negative},
		{-100, Negative},
		{nan, Unknown},
	} {
		if got := flag(tt.d); got != tt.want {
			t.Errorf("flag(%v) = %v, want %v", tt.d, got, tt.want)
		}
	}
	if s := Flag(9).String(); s != "Flag(9)" {
		t.Errorf("Flag(9).String() = %q", s)
	}
}

// TestEquivalent checks inputs that the documentation says mean the same.
func TestEquivalent(t *testing.T) {
	base := readResults(t, "../testdata/stats/small.csv")
	scaled := base
	scaled.MaxMarks = []float64{3, 3, 3, 6}
	for _, tt := range []struct {
		name string
		a, b Results
	}{
		{"clamped marks", Results{Marks: [][]float64{{1.5, -0.5}, {0, math.Inf(1)}, {math.Inf(-1), 1}}},
			Results{Marks: [][]float64{{1, 0}, {0, 1}, {0, 1}}}},
		{"default max marks", Results{MaxMarks: []float64{0, nan, -1, math.Inf(1)}, Marks: base.Marks},
			Results{Marks: base.Marks}},
		{"short row is not asked", Results{Marks: [][]float64{{1, 0, 1}, {0}, {1, 1}}},
			Results{Marks: [][]float64{{1, 0, 1}, {0, nan, nan}, {1, 1, nan}}}},
		// Scores are percentages, and correlations ignore scale.
		{"max marks scaled", scaled, base},
		{"attempts reordered", Results{MaxMarks: base.MaxMarks, Marks: reversed(base.Marks)}, base},
	} {
		t.Run(tt.name, func(t *testing.T) {
			qa, qb := Quiz(tt.a), Quiz(tt.b)
			if !sameQuiz(qa, qb, 1e-9) {
				t.Errorf("Quiz:\n%+v\n%+v", qa, qb)
			}
			ia, ib := Items(tt.a), Items(tt.b)
			if !slices.EqualFunc(ia, ib, func(a, b ItemStats) bool { return sameItem(a, b, 1e-9) }) {
				t.Errorf("Items:\n%+v\n%+v", ia, ib)
			}
		})
	}
}

func reversed(rows [][]float64) [][]float64 {
	r := slices.Clone(rows)
	slices.Reverse(r)
	return r
}

func sameQuiz(a, b QuizStats, tol float64) bool {
	return a.Attempts == b.Attempts && same(a.Mean, b.Mean, tol) && same(a.Median, b.Median, tol) &&
		same(a.SD, b.SD, tol) && same(a.Skewness, b.Skewness, tol) && same(a.Kurtosis, b.Kurtosis, tol) &&
		same(a.Alpha, b.Alpha, tol) && same(a.ErrorRatio, b.ErrorRatio, tol) && same(a.SEM, b.SEM, tol)
}

// TestProperties checks the ranges the documentation promises on random
// quizzes of every shape, with questions not asked and partial marks.
func TestProperties(t *testing.T) {
	const eps = 1e-9
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		r := generate(rng, 1+rng.IntN(40), 1+rng.IntN(8), rng.Float64()*0.3)
		qs := Quiz(r)
		if qs.Alpha > 100+eps {
			t.Errorf("case %d: Alpha = %v > 100", i, qs.Alpha)
		}
		if qs.Attempts > 0 && (qs.Mean < 0 || qs.Mean > 100 || qs.Median < 0 || qs.Median > 100) {
			t.Errorf("case %d: Mean %v, Median %v outside [0, 100]", i, qs.Mean, qs.Median)
		}
		if qs.Attempts >= 2 && (math.IsNaN(qs.SD) || qs.SD < 0) {
			t.Errorf("case %d: SD = %v", i, qs.SD)
		}
		if math.IsNaN(qs.Alpha) != math.IsNaN(qs.SEM) {
			t.Errorf("case %d: Alpha %v but SEM %v", i, qs.Alpha, qs.SEM)
		}
		for q, it := range Items(r) {
			if it.Attempts > 0 && (it.Facility < 0 || it.Facility > 100) {
				t.Errorf("case %d Q%d: Facility = %v", i, q+1, it.Facility)
			}
			if math.IsNaN(it.Discrimination) {
				if !math.IsNaN(it.Efficiency) || it.Flag != Unknown {
					t.Errorf("case %d Q%d: no discrimination, but %+v", i, q+1, it)
				}
				continue
			}
			d, e := it.Discrimination, it.Efficiency
			if d < -100 || d > 100 {
				t.Errorf("case %d Q%d: Discrimination = %v", i, q+1, d)
			}
			if math.IsNaN(e) || e > 100 || math.Abs(e) < math.Abs(d)-eps {
				t.Errorf("case %d Q%d: Efficiency %v for Discrimination %v", i, q+1, e, d)
			}
			if math.Abs(d) > eps && (d > 0) != (e > 0) {
				t.Errorf("case %d Q%d: Efficiency %v has not the sign of Discrimination %v", i, q+1, e, d)
			}
			if it.Flag != flag(d) {
				t.Errorf("case %d Q%d: Flag %v for Discrimination %v", i, q+1, it.Flag, d)
			}
		}
	}
}

// generate returns a quiz of n attempts at k questions, leaving each
// question out of an attempt with probability skip. Marks follow a
// one-parameter logistic model, so that questions correlate as in a real
// quiz, and one question in four gives partial marks.
func generate(rng *rand.Rand, n, k int, skip float64) Results {
	r := Results{MaxMarks: make([]float64, k), Marks: make([][]float64, n)}
	difficulty := make([]float64, k)
	for q := range k {
		r.MaxMarks[q] = float64(1 + rng.IntN(3))
		difficulty[q] = rng.NormFloat64()
	}
	for a := range r.Marks {
		ability := rng.NormFloat64()
		row := make([]float64, k)
		for q := range row {
			p := 1 / (1 + math.Exp(difficulty[q]-ability))
			switch {
			case rng.Float64() < skip:
				row[q] = math.NaN()
			case q%4 == 3:
				row[q] = math.Round(4*min(2*p*rng.Float64(), 1)) / 4
			case rng.Float64() < p:
				row[q] = 1
			}
		}
		r.Marks[a] = row
	}
	return r
}
