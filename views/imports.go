package views

// ImportPage is the question import form, and once a file is read, its
// preview: each question parsed and each error with its line. Nothing is
// stored until the instructor confirms.
type ImportPage struct {
	Page
	Articles  []ArticleItem
	ArticleID uint
	Format    string // gift, aiken or csv
	Text      string // the file's text, posted again with the confirmation
	Previewed bool   // the text was read: show the preview
	Questions []BankItem
	Errors    []LineError // questions that could not be read
	Skipped   []LineError // what the format has that factquiz does not (essays, ...)
	Error     string      // what is wrong with the form itself
	MaxBytes  int
}

// LineError is a problem at a line of an imported file.
type LineError struct {
	Line int
	Msg  string
}
