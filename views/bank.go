package views

// BankPage is the instructor's question bank: a filtered, paged table of
// questions with bulk actions.
type BankPage struct {
	Page
	Filter    BankFilter
	Questions []BankItem
	Total     int64
	PageNum   int
	Pages     int
	PrevURL   string   // "" on the first page
	NextURL   string   // "" on the last page
	Query     string   // the filter as a query string, to come back to after a bulk action
	Exports   []Choice // the filtered questions as a file: Value is the URL, Label the format
	Articles  []ArticleItem
	Types     []Choice
	Statuses  []Choice
	Origins   []Choice
	Tags      []string
	// Article is the article the bank is filtered to, with its setting of
	// what learners see; nil across articles.
	Article *BankArticle
	Error   string // what was wrong with the last bulk action
	// Quizzes are the quizzes the bulk action "add to quiz" can add the
	// ticked questions to (field quiz_id).
	Quizzes []Choice
}

// BankFilter is the bank's filter form, as submitted.
type BankFilter struct {
	ArticleID uint
	Type      string
	Status    string
	Origin    string
	Tag       string
	Search    string
}

// BankArticle is the article a bank page is filtered to.
type BankArticle struct {
	ID          uint
	Title       string
	LearnersSee string // "all" or "approved"
}

// Choice is an option of a select: its value and what it reads.
type Choice struct {
	Value, Label string
}

// BankItem is a question in the bank's table.
type BankItem struct {
	ID           uint
	ArticleID    uint
	ArticleTitle string
	Type         string
	Label        string // "Multiple choice"
	Prompt       string
	Answer       string // the right answer written out
	Status       string // generated, approved, retired
	Origin       string // generated, manual, imported
	Tags         []string
	Source       string
}

// QuestionForm is the form to add or edit a question of any type. Which
// fields matter depends on Type; Errors holds a message per field name.
type QuestionForm struct {
	Page
	ID            uint // 0 for a new question
	ArticleID     uint
	ArticleTitle  string
	Types         []Choice // for a new question: the types to choose from
	Type          string
	TypeLabel     string // "Multiple answers"
	QuestionTitle string // the question's own short title (GIFT's ::title::)
	Prompt        string
	Tags          string // comma-separated
	Feedback      string // general feedback
	Source        string // the sentence a generated question rests on
	Origin        string
	// Options are the rows of a multiple choice or multiple answer
	// question, with blank rows to fill in.
	Options   []OptionRow
	Right     int    // multiple choice: the 1-based row of the right option
	Answer    string // fill_blank and numeric
	Accepted  string // fill_blank: other accepted answers, one a line
	Tolerance string // numeric
	Truth     string // true_false: "true" or "false"
	Items     string // ordering: the items in their right order, one a line
	Pairs     string // matching: "left -> right", one a line
	Errors    map[string]string
}

// OptionRow is one option of a choice question in the form: fields
// option_N, weight_N and option_feedback_N.
type OptionRow struct {
	N        int
	Text     string
	Weight   string // multiple answer: percent of credit, e.g. "50" or "-100"
	Feedback string
}
