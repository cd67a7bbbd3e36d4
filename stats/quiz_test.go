package stats

import (
	"math"
	"testing"
)

var nan = math.NaN()

// notAsked is the hand-worked data set for questions not asked, used by both
// the Quiz and the Items tests. Scores are the percentage of the marks
// possible on the questions each attempt was asked.
var notAsked = Results{Marks: [][]float64{
	{1, 1, nan},     // A1: 2 of 2      = 100
	{0, nan, 1},     // A2: 1 of 2      = 50
	{1, 0, 0},       // A3: 1 of 3      = 100/3
	{nan, nan, 1},   // A4: 1 of 1      = 100
	{nan, nan, nan}, // A5: asked nothing, not counted
	{0},             // A6: 0 of 1      = 0 (Q2 and Q3 not asked)
	{1, 1, 1},       // A7: 3 of 3      = 100
}}

var quizTests = []struct {
	name string
	r    Results
	want QuizStats
}{
	{"empty", Results{}, QuizStats{0, nan, nan, nan, nan, nan, nan, nan, nan}},
	{"nothing asked", Results{Marks: [][]float64{{nan, nan}, {}}}, QuizStats{0, nan, nan, nan, nan, nan, nan, nan, nan}},
	{"one attempt", Results{Marks: [][]float64{{1, 0.5}}}, QuizStats{Attempts: 1, Mean: 75, Median: 75,
		SD: nan, Skewness: nan, Kurtosis: nan, Alpha: nan, ErrorRatio: nan, SEM: nan}},
	// Scores 50 and 100: SD = √((25² + 25²)/1) = √1250. Q1 is 1, 1 (variance
	// 0), Q2 0, 1 (1/2), totals 1, 2 (1/2): alpha = 2·(1 − 1) = 0, so the
	// error ratio is 100% and SEM = SD.
	{"two attempts", Results{Marks: [][]float64{{1, 0}, {1, 1}}}, QuizStats{Attempts: 2, Mean: 75, Median: 75,
		SD: math.Sqrt(1250), Skewness: nan, Kurtosis: nan, Alpha: 0, ErrorRatio: 100, SEM: math.Sqrt(1250)}},
	// No spread: SD 0, and everything that divides by the variance undefined.
	{"all right", Results{Marks: [][]float64{{1, 1}, {1, 1}, {1, 1}, {1, 1}}}, QuizStats{Attempts: 4, Mean: 100, Median: 100,
		SD: 0, Skewness: nan, Kurtosis: nan, Alpha: nan, ErrorRatio: nan, SEM: nan}},
	{"all wrong", Results{Marks: [][]float64{{0, 0}, {0, 0}, {0, 0}, {0, 0}}}, QuizStats{Attempts: 4, Mean: 0, Median: 0,
		SD: 0, Skewness: nan, Kurtosis: nan, Alpha: nan, ErrorRatio: nan, SEM: nan}},
	// Scores 100, 0, 100: mean 200/3, d = 100/3, −200/3, 100/3;
	// k2 = Σd²/2 = (60000/9)/2 = 10000/3, SD = 100/√3;
	// k3 = 9·(Σd³/3)/(2·1) = 3·(−6e6/27)/2 = −1e6/3,
	// skewness = k3/k2^(3/2) = (−1e6/3)/(1e6/(3√3)) = −√3.
	// One question has no alpha; three attempts no kurtosis.
	{"one question", Results{Marks: [][]float64{{1}, {0}, {1}}}, QuizStats{Attempts: 3, Mean: 200.0 / 3, Median: 100,
		SD: 100 / math.Sqrt(3), Skewness: -math.Sqrt(3), Kurtosis: nan, Alpha: nan, ErrorRatio: nan, SEM: nan}},
	// Questions that disagree. Scores 50, 50, 100: mean 200/3,
	// d = −50/3, −50/3, 100/3, k2 = (15000/9)/2 = 2500/3, SD = 50/√3;
	// k3 = 9·(750000/81)/2 = 125000/3, skewness = (125000/3)/(125000/(3√3)) = √3.
	// Q1 1, 0, 1 and Q2 0, 1, 1 each have variance 1/3, totals 1, 1, 2 too:
	// alpha = 2·(1 − (2/3)/(1/3)) = −2, error ratio 100·√3, SEM = SD·√3 = 50.
	{"negative alpha", Results{Marks: [][]float64{{1, 0}, {0, 1}, {1, 1}}}, QuizStats{Attempts: 3, Mean: 200.0 / 3, Median: 50,
		SD: 50 / math.Sqrt(3), Skewness: math.Sqrt(3), Kurtosis: nan, Alpha: -200, ErrorRatio: 100 * math.Sqrt(3), SEM: 50}},
	// Scores 100, 50, 100/3, 100, 0, 100 (A5 asked nothing): mean 575/9,
	// median (50 + 100)/2. Exactly, k2 = 49250/27, k3 = −3662500/81,
	// k4 = −1196875000/243, so kurtosis = k4/k2² = −57450/38809.
	// Alpha uses A3 and A7 only, the attempts asked everything: Q1 1, 1
	// (variance 0), Q2 0, 1 (1/2), Q3 0, 1 (1/2), totals 1, 3 (2):
	// alpha = 3/2·(1 − 1/2) = 3/4, error ratio 100·√(1/4) = 50, SEM = SD/2.
	{"not asked", notAsked, QuizStats{Attempts: 6, Mean: 575.0 / 9, Median: 75,
		SD: math.Sqrt(49250.0 / 27), Skewness: (-3662500.0 / 81) / math.Pow(49250.0/27, 1.5), Kurtosis: -57450.0 / 38809,
		Alpha: 75, ErrorRatio: 50, SEM: math.Sqrt(49250.0/27) / 2}},
}

func TestQuiz(t *testing.T) {
	for _, tt := range quizTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Quiz(tt.r)
			if got.Attempts != tt.want.Attempts {
				t.Errorf("Attempts = %d, want %d", got.Attempts, tt.want.Attempts)
			}
			for _, f := range []struct {
				name      string
				got, want float64
			}{
				{"Mean", got.Mean, tt.want.Mean},
				{"Median", got.Median, tt.want.Median},
				{"SD", got.SD, tt.want.SD},
				{"Skewness", got.Skewness, tt.want.Skewness},
				{"Kurtosis", got.Kurtosis, tt.want.Kurtosis},
				{"Alpha", got.Alpha, tt.want.Alpha},
				{"ErrorRatio", got.ErrorRatio, tt.want.ErrorRatio},
				{"SEM", got.SEM, tt.want.SEM},
			} {
				if !same(f.got, f.want, 1e-9) {
					t.Errorf("%s = %.17g, want %.17g", f.name, f.got, f.want)
				}
			}
		})
	}
}
