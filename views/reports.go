package views

import "time"

// QuizReportPage is a quiz's class report: every attempt, sortable, and
// Moodle's statistics of the quiz and of each question.
type QuizReportPage struct {
	Page
	QuizID   uint
	QuizName string
	Attempts []ReportRow
	Sorts    []SortLink // the attempts table's column headings
	CSVURL   string
	Quiz     []Stat // attempts, mean, median, SD, skewness, kurtosis, alpha, error ratio, SEM
	Items    []ItemView
}

// SortLink is a sortable column heading: its label, the URL that sorts by
// it, and whether the table is sorted by it now ("ascending",
// "descending" or "none", for aria-sort).
type SortLink struct {
	Label, URL, Sort string
}

// ReportRow is one attempt in a report.
type ReportRow struct {
	ID       uint
	Learner  string
	Email    string
	Score    int
	Total    int
	Percent  int
	Duration string // "3 min 12 s"; "" for an unfinished attempt
	Seconds  int
	Date     time.Time
	Finished bool
}

// Stat is a named figure with its value written out ("" when it cannot be
// worked out from the data) and what it means.
type Stat struct {
	Name, Value, Help string
}

// ItemView is one question's statistics.
type ItemView struct {
	QuestionID     uint
	Prompt         string
	Label          string // the question type, for people
	Attempts       int
	Facility       string // "80.0 %"; "" when undefined
	SD             string
	Discrimination string
	Efficiency     string
	Flag           string // "low", "negative" or ""
	Options        []OptionStat
}

// OptionStat is how often an option of a choice question was chosen.
type OptionStat struct {
	Text    string
	Count   int
	Percent int
	Right   bool
}
