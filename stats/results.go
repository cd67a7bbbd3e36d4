package stats

import "math"

// Results holds the marks of the attempts at one quiz, the input of Quiz and
// Items. Its zero value is an empty quiz.
//
// The number of questions is the larger of len(MaxMarks) and the length of
// the longest row of Marks.
//
// A question that was not asked in an attempt (a NaN mark, or a row too short
// to reach it) is left out of that attempt, not counted as wrong:
//   - the attempt's score is the percentage of the marks it could have
//     earned on the questions it was asked, and an attempt asked nothing is
//     not counted at all;
//   - a question's statistics use only the attempts that asked it, and its
//     discrimination only those that also asked some other question;
//   - Cronbach's alpha, which is defined only for a fixed set of questions,
//     uses only the attempts that were asked every question.
//
// When every attempt is asked every question, as in a Moodle quiz (where a
// random question is one slot), these are exactly Moodle's definitions.
type Results struct {
	// MaxMarks[q] is the maximum mark of question q: its weight in an
	// attempt's total. An entry that is missing, or is not a positive finite
	// number, means 1.
	MaxMarks []float64

	// Marks[a][q] is the mark attempt a got on question q, as a fraction of
	// MaxMarks[q]. NaN means q was not asked in a. Marks outside [0, 1] are
	// clamped to it, so that a stray penalty or bonus cannot push a
	// percentage out of range.
	Marks [][]float64
}

// questions returns the number of questions in r.
func (r *Results) questions() int {
	k := len(r.MaxMarks)
	for _, row := range r.Marks {
		k = max(k, len(row))
	}
	return k
}

// weights returns the maximum mark of each of the k questions, with the
// default of 1 in place of missing or unusable entries.
func (r *Results) weights(k int) []float64 {
	w := make([]float64, k)
	for q := range w {
		w[q] = 1
		if q < len(r.MaxMarks) && r.MaxMarks[q] > 0 && !math.IsInf(r.MaxMarks[q], 1) {
			w[q] = r.MaxMarks[q]
		}
	}
	return w
}

// mark returns the fraction an attempt with the given row of marks got on
// question q, clamped to [0, 1], and whether q was asked at all.
func mark(row []float64, q int) (float64, bool) {
	if q >= len(row) || math.IsNaN(row[q]) {
		return 0, false
	}
	return min(max(row[q], 0), 1), true
}

// meanVar returns the mean of xs and their sample variance (denominator
// n−1), or NaN for what is undefined. The variance is summed from deviations
// about the mean rather than from raw powers, which cancel catastrophically
// for large n; and values that are all equal get a variance of exactly 0, so
// that callers can test for zero before dividing by it.
func meanVar(xs []float64) (mean, variance float64) {
	n := len(xs)
	if n == 0 {
		return math.NaN(), math.NaN()
	}
	same := true
	for _, x := range xs {
		mean += x
		same = same && x == xs[0]
	}
	if same {
		mean = xs[0]
	} else {
		mean /= float64(n)
	}
	if n < 2 {
		return mean, math.NaN()
	}
	if same {
		return mean, 0
	}
	for _, x := range xs {
		variance += (x - mean) * (x - mean)
	}
	return mean, variance / float64(n-1)
}
