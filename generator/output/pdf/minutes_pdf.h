// The print PDF of a meeting: its agenda before the meeting, its minutes after.
#pragma once

#include <string>

#include "output/pdf/print_common.h"

namespace herald::pdf {

/// Title band (the board, "Agenda" or "Minutes", the date, time and place,
/// the title); the chair, attendance, declarations and papers; the agenda
/// items as the body has them (a restricted item only as "Item 9 is not
/// published."); the decisions and the actions; page numbers.
std::string render_minutes_pdf(const PdfJob& job);

}  // namespace herald::pdf
