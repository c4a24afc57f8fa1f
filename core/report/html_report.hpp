#pragma once
#include <string>

#include "core/report/report_data.hpp"

namespace jb::report {

// The «Анализ работы с классными журналами» (seeds 001 §4.2, 002 §5.2) as one self-contained page:
// inline CSS and SVG, no scripts, no external resources; well-formed XML as well as HTML.
// Sections: summary table, completeness charts, per-teacher and per-class tables, findings by class.
std::string render_html_report(const ReportInput& input);

}  // namespace jb::report
