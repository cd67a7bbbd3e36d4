package srs

import (
	"math"
	"time"
)

// Bounds of the memory state (spec §2).
const (
	minStability  = 0.001
	maxStability  = 36500
	minDifficulty = 1
	maxDifficulty = 10
)

// defaultWeights are the FSRS-6 default parameters. It is never written:
// DefaultScheduler copies it.
var defaultWeights = [21]float64{
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334,
	3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
	1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
}

// weightBounds are the ranges the optimizers keep each weight in. Weights
// outside them can make stability grow without limit or turn negative, so
// they are clipped on use. The ceilings of w17 and w18 and the floor of w19
// depend on the options and are set in newModel.
var weightBounds = [21][2]float64{
	{0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100},
	{1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75},
	{0, 4.5}, {0, 0.8}, {0.001, 3.5}, {0.001, 5},
	{0.001, 0.25}, {0.001, 0.9}, {0, 4}, {0, 1},
	{1, 6}, {0, 2}, {0, 2}, {0, 0.8}, {0.1, 0.8},
}

// memory is the part of a card the FSRS model updates.
type memory struct {
	stability, difficulty float64
}

// model is a Scheduler's parameters made safe to use: weights clipped,
// options in range, and the forgetting curve's constants worked out once.
type model struct {
	w         [21]float64
	decay     float64 // the negative exponent of the forgetting curve
	factor    float64 // chosen so that R(S, S) = 0.9
	retention float64
	maxDays   int
	shortTerm bool
}

func newModel(s Scheduler) model {
	m := model{
		retention: s.DesiredRetention,
		maxDays:   s.MaximumInterval,
		shortTerm: s.EnableShortTerm,
	}
	if !(m.retention > 0 && m.retention <= 1) {
		m.retention = defaultRetention
	}
	if m.maxDays < 1 || m.maxDays > maxMaximumInterval {
		m.maxDays = maxMaximumInterval
	}
	for i, b := range weightBounds {
		m.w[i] = clamp(s.Weights[i], b[0], b[1])
	}
	ceiling := sameDayCeiling(m.w, len(s.RelearningSteps))
	m.w[17] = min(m.w[17], ceiling)
	m.w[18] = min(m.w[18], ceiling)
	if m.shortTerm {
		m.w[19] = max(m.w[19], 0.01)
	}
	m.decay = -m.w[20]
	m.factor = math.Pow(0.9, 1/m.decay) - 1
	return m
}

// sameDayCeiling bounds w17 and w18 so that a lapse followed by a Good at
// each of n relearning steps cannot end above the stability the card had
// before the lapse. It takes the case S = 1, D = 1 and R = 0.7:
// w11·(2^w13 − 1)·e^(0.3·w14) · e^(n·w17·w18) ≤ 1.
func sameDayCeiling(w [21]float64, n int) float64 {
	if n <= 1 {
		return 2
	}
	c := -(math.Log(w[11]) + math.Log(math.Pow(2, w[13])-1) + 0.3*w[14]) / float64(n)
	return clamp(c, 0.01, 2)
}

// retrievability is the chance of recall t days after a review that left
// stability s.
func (m *model) retrievability(t, s float64) float64 {
	return math.Pow(1+m.factor*t/s, m.decay)
}

// days is the whole number of days after which recall falls to the desired
// retention, kept within 1 and the maximum interval.
func (m *model) days(s float64) int {
	i := s / m.factor * (math.Pow(m.retention, 1/m.decay) - 1)
	return int(clamp(roundHalfUp(i), 1, float64(m.maxDays)))
}

func (m *model) initialStability(g Rating) float64 {
	return clamp(m.w[g-1], minStability, maxStability)
}

// rawInitialDifficulty is D0 before clamping; mean reversion aims at the
// unclamped D0(Easy), which lies below 1 with the default weights.
func (m *model) rawInitialDifficulty(g Rating) float64 {
	return m.w[4] - math.Exp(m.w[5]*float64(g-1)) + 1
}

func (m *model) nextDifficulty(d float64, g Rating) float64 {
	delta := -m.w[6] * float64(g-3)
	damped := d + delta*(10-d)/9
	reverted := m.w[7]*m.rawInitialDifficulty(Easy) + (1-m.w[7])*damped
	return clamp(reverted, minDifficulty, maxDifficulty)
}

func (m *model) recallStability(s, d, r float64, g Rating) float64 {
	hard, easy := 1.0, 1.0
	if g == Hard {
		hard = m.w[15]
	}
	if g == Easy {
		easy = m.w[16]
	}
	growth := math.Exp(m.w[8]) * (11 - d) * math.Pow(s, -m.w[9]) * (math.Exp(m.w[10]*(1-r)) - 1)
	return s * (1 + growth*hard*easy)
}

// lapseStability is the stability after forgetting. It never exceeds the
// old one: with short-term on the relearning steps add same-day growth
// afterwards, so the cap leaves room for it.
func (m *model) lapseStability(s, d, r float64) float64 {
	f := m.w[11] * math.Pow(d, -m.w[12]) * (math.Pow(s+1, m.w[13]) - 1) * math.Exp(m.w[14]*(1-r))
	if m.shortTerm {
		return min(f, s/math.Exp(m.w[17]*m.w[18]))
	}
	return min(f, s)
}

// sameDayStability is the stability after a second review on the same
// day, when the long-term formulas would see no time pass. A pass never
// lowers stability.
func (m *model) sameDayStability(s float64, g Rating) float64 {
	inc := math.Exp(m.w[17]*(float64(g)-3+m.w[18])) * math.Pow(s, -m.w[19])
	if g >= Hard {
		inc = max(inc, 1)
	}
	return s * inc
}

// next is the memory after rating g, t whole days after the last review.
// The stability uses the difficulty from before the rating.
func (m *model) next(mem memory, g Rating, t int64, isNew bool) memory {
	if isNew {
		d := clamp(m.rawInitialDifficulty(g), minDifficulty, maxDifficulty)
		return memory{m.initialStability(g), d}
	}
	s, d := mem.stability, mem.difficulty
	var ns float64
	switch {
	case t == 0 && m.shortTerm:
		ns = m.sameDayStability(s, g)
	case g == Again:
		ns = m.lapseStability(s, d, m.retrievability(float64(t), s))
	default:
		ns = m.recallStability(s, d, m.retrievability(float64(t), s), g)
	}
	return memory{clamp(ns, minStability, maxStability), m.nextDifficulty(d, g)}
}

// elapsedDays counts the UTC calendar days from last to now, so that a
// card reviewed in the evening counts one day old the next morning. A now
// before last counts 0.
func elapsedDays(last, now time.Time) int64 {
	return max(unixDay(now)-unixDay(last), 0)
}

// unixDay numbers the UTC calendar day of t. Unix seconds avoid the
// overflow of time.Duration for dates centuries apart.
func unixDay(t time.Time) int64 {
	sec := t.Unix()
	day := sec / 86400
	if sec%86400 < 0 {
		day--
	}
	return day
}

// clamp returns x kept within lo and hi. A NaN becomes lo, so that a
// corrupt value cannot spread through the formulas.
func clamp(x, lo, hi float64) float64 {
	if !(x >= lo) {
		return lo
	}
	return min(x, hi)
}

func roundHalfUp(x float64) float64 {
	return math.Floor(x + 0.5)
}
