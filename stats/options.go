package stats

// A Choice records that an attempt chose option Option of question Question.
// Both are indexes from 0, in whatever order the caller numbers questions
// and options: the order they are shown in, say, with one extra option for
// "no answer" if that should be counted too.
type Choice struct {
	Question, Option int
}

// OptionCounts counts how often each option of each question was chosen:
// counts[q][o] is the number of choices of option o of question q, for q up
// to the largest question index chosen and o up to the largest option index
// chosen for q. A question with several right answers may have several
// choices per attempt; each counts. Choices with a negative index are
// ignored. The counts take memory in proportion to the indexes, which are
// meant to be small.
//
// Divide a count by the question's ItemStats.Attempts for the frequency
// Moodle's response analysis shows.
func OptionCounts(choices []Choice) [][]int {
	// Size everything first so that all the counts share one allocation.
	var width []int
	for _, c := range choices {
		if c.Question < 0 || c.Option < 0 {
			continue
		}
		if c.Question >= len(width) {
			width = append(width, make([]int, c.Question+1-len(width))...)
		}
		width[c.Question] = max(width[c.Question], c.Option+1)
	}
	total := 0
	for _, n := range width {
		total += n
	}
	cells := make([]int, total)
	counts := make([][]int, len(width))
	for q, n := range width {
		counts[q], cells = cells[:n:n], cells[n:]
	}
	for _, c := range choices {
		if c.Question >= 0 && c.Option >= 0 {
			counts[c.Question][c.Option]++
		}
	}
	return counts
}
