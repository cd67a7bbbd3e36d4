// Package questions turns an article into facts and the facts into quiz
// questions, and grades the answers learners give to them.
//
// It is pure Go with no database or network: ParseArticle reads the text,
// ExtractFacts finds dates, numbers, names and definitions in it, Generate
// overgenerates candidate questions and ranks them, and CheckAnswer grades a
// response. The same article always yields the same questions.
//
// Types lists the question types, each with everything the engine knows
// of it; package formats reads and writes question banks in other quiz
// tools' file formats.
package questions
