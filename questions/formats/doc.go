// Package formats reads and writes question banks in the file formats
// other quiz tools use: Moodle's GIFT, Aiken and a CSV of one question a row.
//
// ReadQuestions and WriteQuestions take a format by name, as FileFormats
// lists them; ParseGIFT, WriteGIFT and the others are each one format. A
// problem at a line of a file is a *FormatError, whose kind (ErrSyntax,
// ErrInvalid, ErrUnsupported) errors.Is tells apart.
package formats
