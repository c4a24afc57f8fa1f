#pragma once
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "adapters/netschool/netschool_emitter.hpp"
#include "adapters/netschool/netschool_index.hpp"
#include "adapters/netschool/netschool_report.hpp"

namespace jb {
struct ReadContext;
}

// The second pass, one function per kind of capture entry.
namespace jb::netschool {

// School and year for a read: from the capture, else the report header, else --school-year.
SchoolFacts school_facts(const CaptureIndex& index, const ReadContext& context, const std::string& name,
                         const ReportHeader* report = nullptr);
// Classes, subject groups (with their teachers) and terms the capture lists.
void emit_dictionaries(const CaptureIndex& index, Emitter& out);
void emit_journal(const nlohmann::json& body, const har::Entry& entry, const CaptureIndex& index, Emitter& out,
                  const std::string& place);
void emit_diary(const nlohmann::json& body, const har::Entry& entry, const CaptureIndex& index, Emitter& out,
                const std::string& place);
void emit_report(const Report& report, const CaptureIndex& index, Emitter& out, const std::string& place);

// A final mark as the journal stores it (−1, −2, −5, pass/fail, a number or a string) → value.
std::string final_value(const std::string& raw, bool is_number, int grading_system, std::int64_t min_mark,
                        std::int64_t max_mark, Emitter& out);

}  // namespace jb::netschool
