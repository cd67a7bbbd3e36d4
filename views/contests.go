package views

import "time"

// ContestsPage is the instructors' queue of contested answers, one group
// per question.
type ContestsPage struct {
	Page
	Groups []ContestGroup
	Errors map[uint]string // by contest id: what is wrong with a rejection sent
}

// ContestGroup is a question and the open contests of answers to it.
type ContestGroup struct {
	QuestionID  uint
	Prompt      string
	RightAnswer string
	Accepted    []string // the other answers that count as right already
	Items       []ContestItemView
}

// ContestItemView is one contested answer.
type ContestItemView struct {
	ID      uint
	Learner string
	Given   string
	Comment string
	Date    time.Time
	Reason  string // the reason as typed, when the reject form is shown again
}

// ContestView is what the feedback and results pages show about
// contesting one answer: the "I was right" form, or how the contest
// stands.
type ContestView struct {
	QuestionID uint
	// Contestable is set for a wrong typed answer not yet contested. The
	// page offers the form to a signed-in learner, and a guest to sign up
	// first.
	Contestable bool
	Status      string // "" when not contested; "open", "accepted" or "rejected"
	Reason      string // the instructor's, for a rejection
}
