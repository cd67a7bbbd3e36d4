package stats

import (
	"math"
	"slices"
)

// QuizStats are the statistics of a quiz as a whole, computed from the
// attempts' scores. A score is the mark an attempt earned as a percentage of
// the most it could have earned. Fields that are undefined for the data are
// NaN; see Quiz for when.
type QuizStats struct {
	// Attempts is the number of attempts that were asked at least one
	// question.
	Attempts int

	// Mean, Median and SD are the mean, median and sample standard
	// deviation of the scores, in percent.
	Mean, Median, SD float64

	// Skewness and Kurtosis describe the shape of the distribution of the
	// scores and have no unit. Kurtosis is the excess kurtosis: 0 for a
	// normal distribution.
	Skewness, Kurtosis float64

	// Alpha is Cronbach's alpha in percent, which Moodle calls the
	// coefficient of internal consistency: how far the questions measure
	// the same thing. It is at most 100 and can be negative.
	Alpha float64

	// ErrorRatio is 100·√(1 − alpha): the part of the standard deviation,
	// in percent, that is due to chance rather than to differences between
	// students.
	ErrorRatio float64

	// SEM is the standard error of measurement, SD·√(1 − alpha), in
	// percentage points: how far a score is likely to be from the student's
	// true score.
	SEM float64
}

// Quiz computes the statistics of the quiz as a whole.
//
// Mean and Median are defined from one attempt on, SD from two. With m_r the
// r-th central moment of the n scores, Σ(x − mean)^r / n, and the
// k-statistics
//
//	k2 = n·m2 / (n−1)
//	k3 = n²·m3 / ((n−1)(n−2))
//	k4 = n²·((n+1)·m4 − 3(n−1)·m2²) / ((n−1)(n−2)(n−3))
//
// the Skewness is k3 / k2^(3/2), defined from three attempts on, and the
// Kurtosis is k4 / k2², from four. These are Moodle's formulas; they are also
// the adjusted Fisher–Pearson coefficient of skewness G1 and the sample
// excess kurtosis G2 (Excel's SKEW and KURT). Both are NaN when every score
// is the same.
//
// Alpha is Cronbach's alpha in percent,
//
//	alpha = 100 · k/(k−1) · (1 − Σ var(X_q) / var(X))
//
// for k questions, where X_q is the mark scored on question q and X the total
// mark, with sample variances over the attempts that were asked every
// question. It, ErrorRatio and SEM are NaN for fewer than two questions or
// two such attempts, or when those attempts all have the same total. Moodle
// leaves them empty for fewer than three attempts, a side effect of
// computing them along with the skewness; Quiz computes them from two.
func Quiz(r Results) QuizStats {
	k := r.questions()
	w := r.weights(k)
	scores := make([]float64, 0, len(r.Marks))
	for _, row := range r.Marks {
		var score, possible float64
		for q, wq := range w {
			if m, ok := mark(row, q); ok {
				score += wq * m
				possible += wq
			}
		}
		if possible > 0 {
			scores = append(scores, 100*score/possible)
		}
	}

	s := QuizStats{Attempts: len(scores)}
	s.Mean, s.SD, s.Skewness, s.Kurtosis = moments(scores)
	s.Median = median(scores)
	a := alpha(&r, w)
	s.Alpha = 100 * a
	// Rounding can leave alpha a hair above 1 when the questions agree
	// perfectly; the square root must not turn that into NaN.
	s.ErrorRatio = 100 * math.Sqrt(max(1-a, 0))
	s.SEM = s.SD * math.Sqrt(max(1-a, 0))
	return s
}

// moments returns the mean, sample standard deviation, skewness k3/k2^(3/2)
// and excess kurtosis k4/k2² of xs, with the k-statistics given at Quiz.
func moments(xs []float64) (mean, sd, skewness, kurtosis float64) {
	mean, variance := meanVar(xs)
	sd, skewness, kurtosis = math.Sqrt(variance), math.NaN(), math.NaN()
	if len(xs) < 3 || variance == 0 {
		return mean, sd, skewness, kurtosis
	}
	var s2, s3, s4 float64
	for _, x := range xs {
		d := x - mean
		s2 += d * d
		s3 += d * d * d
		s4 += d * d * d * d
	}
	n := float64(len(xs))
	m2, m3, m4 := s2/n, s3/n, s4/n
	k2 := n * m2 / (n - 1)
	k3 := n * n * m3 / ((n - 1) * (n - 2))
	skewness = k3 / math.Pow(k2, 1.5)
	if len(xs) >= 4 {
		k4 := n * n * ((n+1)*m4 - 3*(n-1)*m2*m2) / ((n - 1) * (n - 2) * (n - 3))
		kurtosis = k4 / (k2 * k2)
	}
	return mean, sd, skewness, kurtosis
}

// median returns the median of xs, the mean of the middle two for an even
// count as in Moodle, or NaN if xs is empty. It sorts xs.
func median(xs []float64) float64 {
	n := len(xs)
	if n == 0 {
		return math.NaN()
	}
	slices.Sort(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// alpha returns Cronbach's alpha of the k questions weighted w, as a
// fraction:
//
//	alpha = k/(k−1) · (1 − Σ var(X_q) / var(X))
//
// where X_q is the mark scored on question q (fraction × maximum mark) and X
// the total mark, with sample variances over the attempts that were asked
// every question. This is Moodle's coefficient of internal consistency: it
// sums the questions' mark variances and divides by k2 of the totals. It is
// NaN for fewer than two questions, fewer than two such attempts, or when
// they all have the same total.
//
// Alpha is at most 1, because var(X) ≤ k·Σ var(X_q) by the Cauchy–Schwarz
// inequality; that holds only when all variances are over the same attempts,
// which is why attempts that skipped a question are left out rather than
// contributing to some variances and not others.
func alpha(r *Results, w []float64) float64 {
	k := len(w)
	if k < 2 {
		return math.NaN()
	}
	// Two passes, means then squared deviations, for the accuracy reasons
	// given at meanVar; sums[k] and dev[k] are those of the total.
	sums := make([]float64, 2*(k+1))
	dev := sums[k+1:]
	sums = sums[:k+1]
	n, lo, hi := 0, math.Inf(1), math.Inf(-1)
	for _, row := range r.Marks {
		if !complete(row, k) {
			continue
		}
		n++
		var t float64
		for q, wq := range w {
			x := wq * min(max(row[q], 0), 1)
			sums[q] += x
			t += x
		}
		sums[k] += t
		lo, hi = min(lo, t), max(hi, t)
	}
	if n < 2 || lo == hi {
		return math.NaN()
	}
	for i := range sums {
		sums[i] /= float64(n)
	}
	for _, row := range r.Marks {
		if !complete(row, k) {
			continue
		}
		var t float64
		for q, wq := range w {
			x := wq * min(max(row[q], 0), 1)
			dev[q] += (x - sums[q]) * (x - sums[q])
			t += x
		}
		dev[k] += (t - sums[k]) * (t - sums[k])
	}
	var items float64
	for _, d := range dev[:k] {
		items += d
	}
	// The n−1 denominators of the variances cancel in the ratio.
	return float64(k) / float64(k-1) * (1 - items/dev[k])
}

// complete reports whether an attempt with the given row of marks was asked
// all k questions.
func complete(row []float64, k int) bool {
	if len(row) < k {
		return false
	}
	for _, m := range row[:k] {
		if math.IsNaN(m) {
			return false
		}
	}
	return true
}
