package stats_test

import (
	"fmt"
	"math"
	"strconv"

	"factquiz/stats"
)

// cell formats a statistic for a report, leaving it empty when it is
// undefined for the data, as Moodle does.
func cell(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func Example() {
	nan := math.NaN() // a question not asked
	r := stats.Results{
		MaxMarks: []float64{1, 1, 2, 1},
		Marks: [][]float64{
			{1, 1, 1, 1},
			{1, 0, 0.5, 1},
			{1, 1, nan, 1},
			{0, 0, 0.5, 1},
			{1, 0, 0.25, 1},
			{0, 1, 1, 1},
		},
	}

	q := stats.Quiz(r)
	fmt.Printf("%d attempts, mean %s%%, median %s%%, SD %s%%\n", q.Attempts, cell(q.Mean), cell(q.Median), cell(q.SD))
	fmt.Printf("skewness %s, kurtosis %s\n", cell(q.Skewness), cell(q.Kurtosis))
	fmt.Printf("alpha %s%%, error ratio %s%%, SEM %s%%\n", cell(q.Alpha), cell(q.ErrorRatio), cell(q.SEM))

	fmt.Println("Q  n  facility  SD      discr.  effic.  flag")
	for i, it := range stats.Items(r) {
		fmt.Printf("%d  %d  %-8s  %-6s  %-6s  %-6s  %v\n", i+1, it.Attempts,
			cell(it.Facility), cell(it.SD), cell(it.Discrimination), cell(it.Efficiency), it.Flag)
	}
	// Output:
	// 6 attempts, mean 71.67%, median 70.00%, SD 25.63%
	// skewness 0.05, kurtosis -2.13
	// alpha 36.78%, error ratio 79.51%, SEM 20.37%
	// Q  n  facility  SD      discr.  effic.  flag
	// 1  6  66.67     51.64   -5.38   -7.14   negative
	// 2  6  50.00     54.77   79.77   100.00  unflagged
	// 3  5  65.00     33.54   52.70   66.67   unflagged
	// 4  6  100.00    0.00                    unknown
}

func ExampleOptionCounts() {
	// Options chosen in three attempts at a two-question quiz; question 1
	// allows more than one answer.
	choices := []stats.Choice{
		{Question: 0, Option: 2}, {Question: 1, Option: 0}, {Question: 1, Option: 1},
		{Question: 0, Option: 2}, {Question: 1, Option: 1},
		{Question: 0, Option: 0}, {Question: 1, Option: 1},
	}
	for q, counts := range stats.OptionCounts(choices) {
		fmt.Printf("question %d: %v\n", q, counts)
	}
	// Output:
	// question 0: [1 0 2]
	// question 1: [1 3]
}
