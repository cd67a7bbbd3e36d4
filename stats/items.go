package stats

import (
	"math"
	"slices"
	"strconv"
)

// Thresholds on the discrimination index, in percent, below which Items
// flags a question Low or Negative.
const (
	LowThreshold      = 20.0
	NegativeThreshold = 0.0
)

// A Flag says whether a question's discrimination index suggests that the
// question needs reviewing.
type Flag uint8

const (
	Unflagged Flag = iota // the discrimination index is at least LowThreshold
	Low                   // it is from NegativeThreshold up to LowThreshold: the question barely separates stronger attempts from weaker ones
	Negative              // it is below NegativeThreshold: weaker attempts do better, often a wrong key or an ambiguous question
	Unknown               // there is no discrimination index to judge by
)

var flagNames = [...]string{"unflagged", "low", "negative", "unknown"}

// String returns the flag's name in lower case, as in "low".
func (f Flag) String() string {
	if int(f) < len(flagNames) {
		return flagNames[f]
	}
	return "Flag(" + strconv.Itoa(int(f)) + ")"
}

// ItemStats are the statistics of one question. Fields that are undefined
// for the data are NaN; see Items for when.
type ItemStats struct {
	// Attempts is the number of attempts that were asked the question.
	Attempts int

	// Facility is the mean mark, in percent of the maximum mark: how easy
	// the question was.
	Facility float64

	// SD is the sample standard deviation of the marks, in percent of the
	// maximum mark.
	SD float64

	// Discrimination is the discrimination index, in percent from −100 to
	// 100: how well the question's marks agree with the rest of the quiz.
	Discrimination float64

	// Efficiency is the discriminative efficiency, in percent: the
	// discrimination as a share of the most the question could have had,
	// given its marks and those of the rest of the quiz. It has the sign of
	// Discrimination, at least its magnitude, and is at most 100.
	Efficiency float64

	// Flag judges Discrimination against LowThreshold and NegativeThreshold.
	Flag Flag
}

// Items computes the statistics of each question, in order.
//
// For a question, let x be an attempt's mark on it as a fraction and y the
// attempt's rest-of-quiz score: the percentage it scored on the other
// questions it was asked. Moodle uses the total mark minus the question's
// mark, which is y up to a constant factor when every attempt is asked every
// question; the discrimination statistics below do not depend on that
// factor. Then, as in Moodle, with sample (n−1) variances and covariances:
//
//	Facility       = 100 · mean(x)
//	SD             = 100 · √var(x)
//	Discrimination = 100 · cov(x, y) / √(var(x) · var(y))
//	Efficiency     = 100 · cov(x, y) / covmax(x, y)
//
// where covmax(x, y) is the covariance x and y would have if they ranked the
// attempts in the same order: x and y each sorted, then paired off
// smallest with smallest. By the rearrangement inequality that is the
// largest covariance possible with these marks.
//
// Facility is defined from one attempt on, SD from two. Discrimination and
// Efficiency use the attempts that were asked at least one other question;
// they are defined from two such attempts, and NaN when x or y is the same
// in all of them (everyone right, say), when there is nothing to correlate.
func Items(r Results) []ItemStats {
	k := r.questions()
	w := r.weights(k)
	items := make([]ItemStats, k)

	// First pass: count each question's attempts, and the pairs among them
	// with a rest-of-quiz score, to size one buffer for all the marks.
	pairs := make([]int, k)
	for _, row := range r.Marks {
		asked := 0
		for q := range k {
			if _, ok := mark(row, q); ok {
				asked++
			}
		}
		for q := range k {
			if _, ok := mark(row, q); ok {
				items[q].Attempts++
				if asked > 1 {
					pairs[q]++
				}
			}
		}
	}

	// Question q's marks go in xs[start[q]:start[q+1]], those of attempts
	// with a rest-of-quiz score first, matching their y in ys, and the marks
	// of attempts asked only q last. So the first pairs[q] are the pairs to
	// correlate, and all of them are the marks to average.
	start := make([]int, k+1)
	for q := range k {
		start[q+1] = start[q] + items[q].Attempts
	}
	xs := make([]float64, start[k])
	ys := make([]float64, start[k])
	front := slices.Clone(start[:k])
	back := slices.Clone(start[1:])

	// Second pass: the rest-of-quiz score leaves out question q by adding
	// the scores before q to those after it, rather than subtracting q's
	// from the total, so that attempts alike on the other questions get
	// bit-for-bit equal y and a constant y is seen as exactly constant.
	sums := make([]float64, 4*(k+1))
	pre, preMax := sums[:k+1], sums[k+1:2*(k+1)]
	suf, sufMax := sums[2*(k+1):3*(k+1)], sums[3*(k+1):]
	for _, row := range r.Marks {
		asked := 0
		for q, wq := range w {
			m, ok := mark(row, q)
			pre[q+1], preMax[q+1] = pre[q], preMax[q]
			if ok {
				asked++
				pre[q+1] += wq * m
				preMax[q+1] += wq
			}
		}
		for q := k - 1; q >= 0; q-- {
			m, ok := mark(row, q)
			suf[q], sufMax[q] = suf[q+1], sufMax[q+1]
			if ok {
				suf[q] += w[q] * m
				sufMax[q] += w[q]
			}
		}
		for q := range k {
			m, ok := mark(row, q)
			switch {
			case !ok:
			case asked > 1:
				xs[front[q]] = m
				ys[front[q]] = 100 * (pre[q] + suf[q+1]) / (preMax[q] + sufMax[q+1])
				front[q]++
			default:
				back[q]--
				xs[back[q]] = m
			}
		}
	}

	for q := range items {
		it := &items[q]
		x := xs[start[q]:start[q+1]]
		mean, variance := meanVar(x)
		it.Facility = 100 * mean
		it.SD = 100 * math.Sqrt(variance)
		it.Discrimination, it.Efficiency = discrimination(x[:pairs[q]], ys[start[q]:start[q]+pairs[q]])
		it.Flag = flag(it.Discrimination)
	}
	return items
}

// discrimination returns the discrimination index and the discriminative
// efficiency, in percent, of the marks x against the rest-of-quiz scores y:
//
//	index      = 100 · cov(x, y) / √(var(x) · var(y))
//	efficiency = 100 · cov(x, y) / cov(sorted x, sorted y)
//
// or NaN for both when x or y has no variance. It sorts x and y.
func discrimination(x, y []float64) (index, efficiency float64) {
	mx, vx := meanVar(x)
	my, vy := meanVar(y)
	if !(vx > 0 && vy > 0) {
		return math.NaN(), math.NaN()
	}
	// Sums of products stand in for covariances: the n−1 denominators
	// cancel in the efficiency, and are put back for the index.
	var cov float64
	for i := range x {
		cov += (x[i] - mx) * (y[i] - my)
	}
	slices.Sort(x)
	slices.Sort(y)
	var covmax float64
	for i := range x {
		covmax += (x[i] - mx) * (y[i] - my)
	}
	// Rounding can carry a perfect correlation a hair past ±100; the
	// documented ranges hold exactly.
	index = 100 * cov / float64(len(x)-1) / math.Sqrt(vx*vy)
	index = min(max(index, -100), 100)
	efficiency = math.NaN()
	if covmax > 0 {
		efficiency = min(100*cov/covmax, 100)
	}
	return index, efficiency
}

// flag judges a discrimination index d in percent.
func flag(d float64) Flag {
	switch {
	case math.IsNaN(d):
		return Unknown
	case d < NegativeThreshold:
		return Negative
	case d < LowThreshold:
		return Low
	}
	return Unflagged
}
