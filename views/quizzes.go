package views

import "time"

// QuizzesPage lists the quizzes: all of them for instructors, with a form
// to make one.
type QuizzesPage struct {
	Page
	Quizzes []QuizItem
}

// QuizItem is a quiz in a list.
type QuizItem struct {
	ID        uint
	Name      string
	Questions string // "12 chosen questions" or "10 random from 2 articles, tag week 1"
	Open      bool
	When      string // "open until 3 Dec 2026", "opens 1 Dec 2026", "always open"
	ShareURL  string // "/q/3fa9c0..."
	Attempts  int
}

// QuizSettingsPage is a quiz's settings form, and for an existing quiz its chosen
// questions. Errors holds a message per field.
type QuizSettingsPage struct {
	Page
	ID               uint
	Name             string
	Mode             string // "chosen" or "rule"
	RuleCount        int
	RuleArticles     []uint
	RuleTag          string
	ShuffleQuestions bool
	ShuffleOptions   bool
	TimeLimit        int
	AttemptsAllowed  int
	FeedbackMode     string // each, end, never
	OpensAt          string // "2006-01-02T15:04" for datetime-local, UTC
	ClosesAt         string
	PassMark         int
	Articles         []ArticleItem
	Tags             []string
	Chosen           []BankItem // the chosen questions, in order
	ShareURL         string
	Errors           map[string]string
}

// QuizStartPage is what a learner sees of a quiz before starting it.
type QuizStartPage struct {
	Page
	Token        string
	Name         string
	Questions    int // how many an attempt has
	TimeLimit    int // minutes; 0 for none
	AttemptsLeft int // -1 for no limit
	Allowed      int // attempts allowed; 0 for no limit
	Used         int
	FeedbackMode string
	PassMark     int
	Open         bool
	When         string
	Closes       time.Time
	Error        string
}
