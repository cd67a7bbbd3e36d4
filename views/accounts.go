package views

import "time"

// Roles, as pages name them.
const (
	RoleLearner    = "learner"
	RoleInstructor = "instructor"
	RoleAdmin      = "admin"
)

// User is the signed-in user, as the header and pages show them.
type User struct {
	ID    uint
	Name  string
	Email string
	Role  string // learner, instructor or admin
}

// Instructor reports whether the user may add articles and see learners.
func (u *User) Instructor() bool {
	return u != nil && (u.Role == RoleInstructor || u.Role == RoleAdmin)
}

// Admin reports whether the user may change roles.
func (u *User) Admin() bool { return u != nil && u.Role == RoleAdmin }

// LoginPage is the log-in form, shown again with its error.
type LoginPage struct {
	Page
	Email string
	Next  string // where to go after logging in: a path on this site
	Error string
}

// SignupPage is the sign-up form. Errors holds a message per field
// ("email", "name", "password") shown next to it.
type SignupPage struct {
	Page
	Email, Name string
	Next        string
	Error       string // a message about the whole form, such as a rate limit
	Errors      map[string]string
	// GuestAttempts is how many quizzes this browser took as a guest;
	// they become the new account's.
	GuestAttempts int
	MinPassword   int
}

// ProfilePage shows the user's account: the password form and their API
// tokens.
type ProfilePage struct {
	Page
	Errors      map[string]string // "current", "password": next to the password fields; "token_name"; "retention", "new_per_day"
	Tokens      []TokenItem
	Settings    Settings
	NewToken    string // a token just created, shown this once
	TokenName   string // the name typed for a token that was refused
	BaseURL     string // this site's address, for the example: "https://quiz.example.org"
	MinPassword int
}

// TokenItem is an API token as listed on the profile page; its secret is
// never shown again after creation.
type TokenItem struct {
	ID       uint
	Name     string
	Hint     string // the last characters, to tell tokens apart
	Created  time.Time
	LastUsed time.Time // zero: never used
}

// UsersPage is the admin's list of accounts with a role form for each.
type UsersPage struct {
	Page
	Users []UserItem
	Roles []string
}

// UserItem is an account in the admin's list.
type UserItem struct {
	ID      uint
	Name    string
	Email   string
	Role    string
	Created time.Time
	Self    bool // the admin looking at the page
}

// LearnersPage is the instructor's class list.
type LearnersPage struct {
	Page
	Learners []LearnerItem
}

// LearnerItem is one learner in the class list.
type LearnerItem struct {
	ID          uint
	Name        string
	Email       string
	Attempts    int
	Answers     int
	Percent     int // share of answers right, 0-100
	Streak      int // days in a row with an answer, up to today
	LastStudied time.Time
}

// DashboardPage is a learner's progress, seen by the learner or by an
// instructor.
type DashboardPage struct {
	Page
	Learner  User
	Own      bool // the learner is looking at their own dashboard
	Totals   Totals
	Articles []ArticleProgress
	Chart    Chart
	Weak     []WeakSpot
	Cards    CardStats
}

// Totals sums up a learner's work.
type Totals struct {
	Attempts     int // quizzes started
	Finished     int // quizzes finished
	Answers      int
	Correct      int
	Percent      int // Correct of Answers, 0-100
	Articles     int // articles studied
	DaysActive   int
	Streak       int // days in a row with an answer, up to today (or yesterday)
	StudiedToday bool
}

// ArticleProgress is a learner's standing on one article.
type ArticleProgress struct {
	ArticleID   uint
	Title       string
	Attempts    int
	Best, Last  int  // percent of finished attempts
	Scored      bool // at least one attempt is finished, so Best and Last mean something
	Mastery     int  // percent of the article's facts last answered right
	Facts       int
	Mastered    int
	LastStudied time.Time
}

// WeakSpot is a question the learner often gets wrong.
type WeakSpot struct {
	QuestionID   uint
	ArticleID    uint
	ArticleTitle string
	Prompt       string
	RightAnswer  string
	Source       string
	SectionLink  string // "/articles/3#s-raid"
	Misses       int
	Tries        int
	LastRight    bool // the latest answer to it was right
	CardID       uint // the learner's flashcard of it, 0 when they have none
}
