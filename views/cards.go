package views

// ReviewPage is one flashcard of a review session, or the end of one.
type ReviewPage struct {
	Page
	Card    *CardView      // nil when nothing is left to review today
	Shown   bool           // the back is shown, with the rating buttons
	Ratings []RatingButton // Again, Hard, Good, Easy, each with the interval it would give
	// Rateable is false for a card opened from a link (a weak spot) that is
	// not due: its back can be read, but ratings wait for its due date.
	Rateable bool
	DueIn    string // when Rateable is false: "in 3 days"
	Left     Left   // what is left of today's session, this card included
	Done     int    // ratings given today, quiz answers included
	CanUndo  bool   // there is a rating to take back
	NextDue  string // when Card is nil: when the next card is due ("in 8 min", "tomorrow"); "" when none
	Decks    int    // how many articles' decks the learner has; 0 shows how to add one
}

// Left counts the cards still to see in this session.
type Left struct {
	New, Learning, Review int
}

// Total is every card left.
func (l Left) Total() int { return l.New + l.Learning + l.Review }

// CardView is a flashcard: the front is the question's prompt, with its
// blank; the back is the answer, with the sentence it rests on.
type CardView struct {
	ID           uint
	Front        string
	Back         string
	Source       string
	SectionLink  string // "/articles/3#s-raid"
	ArticleID    uint
	ArticleTitle string
	State        string // "New", "Learning", "Review" or "Relearning"
}

// RatingButton is one of the four answers to a card. The form posts
// rating=Value; Key is the keyboard key (1–4).
type RatingButton struct {
	Value    int
	Label    string // "Again", "Hard", "Good", "Easy"
	Interval string // what it would give: "1m", "10m", "3d", "2mo"
	Key      string
}

// DeckState is an article's deck as its page shows it to a learner.
type DeckState struct {
	SignedIn bool // guests see an invitation to sign up instead
	InDeck   bool // the learner has added this article's cards
	Cards    int  // cards the deck has (InDeck) or would have
	Due      int  // of them, due today
}

// CardStats is the flashcard part of the dashboard.
type CardStats struct {
	Cards        int // cards in all the learner's decks
	DueToday     int // review and learning cards due by the end of today
	NewToday     int // new cards available today, within the daily limit
	ReviewsToday int
	// Retention is the share of reviews of cards in the Review state that
	// passed (Hard, Good or Easy) in the last 30 days, 0–100; Reviewed
	// counts them (0: Retention means nothing yet).
	Retention int
	Reviewed  int
	Desired   int // the learner's desired retention, 0–100
	Forecast  Forecast
}

// Settings are a learner's flashcard settings as the profile form shows
// them.
type Settings struct {
	Retention string // "0.90"
	NewPerDay int
}
