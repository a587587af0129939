package vn.nangbuoc.casefile;

/** What a new case file enrols its child in: a programme's plan of one year. */
record Enrolment(String programme, int planYear) {
}
