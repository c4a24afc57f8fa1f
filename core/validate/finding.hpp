#pragma once
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/value.hpp"

// What `jbridge validate` reports: findings of the rules of docs/rules.md and the rules that could
// not run on this archive. The JSON form is fixed by docs/contract.md.
namespace jb::validate {

enum class Severity { info, warning, error };

std::string_view severity_name(Severity severity);  // "info" | "warning" | "error"
bool parse_severity(std::string_view text, Severity& out);

// An entity named by a finding: its id (0 when unknown) and a human name.
struct EntityRef {
    Id id = 0;
    std::string name;
    bool empty() const { return id == 0 && name.empty(); }
};

// Where a finding is: the entities it concerns. In JSON each present entity gives "<kind>_id"
// (16-digit hex, core/entities.hpp id_to_hex) and "<kind>" (its human name); then date and details.
struct Where {
    EntityRef school_class;  // "class": «7Б»
    EntityRef subject;       // canonical subject name
    EntityRef teacher;       // «Фамилия Имя Отчество»
    EntityRef student;
    EntityRef period;        // «1 четверть»
    EntityRef lesson;        // name: «2024-09-03, урок 2»
    EntityRef work;          // name: the work type as the platform wrote it
    EntityRef mark;          // name: the mark as written («5/4», «4-»)
    EntityRef attendance;    // name: the source code («н»)
    EntityRef final_mark;    // name: the final mark as written («н/а»)
    EntityRef person;        // people rules when the role is neither teacher nor student
    std::string date;        // YYYY-MM-DD of the fact
    std::vector<std::pair<std::string, std::string>> details;  // extra key → text («capture», «value», …)

    // The named entities in output order: {json key, entity}.
    std::array<std::pair<std::string_view, const EntityRef*>, 11> entities() const;
};

struct Finding {
    std::string rule;  // id from docs/rules.md, e.g. "final.na"
    Severity severity = Severity::warning;
    std::string message;  // in Russian, for a deputy director
    Where where;
};

struct Summary {
    std::int64_t error = 0, warning = 0, info = 0;
};

struct ValidationResult {
    std::string profile;                      // the profile's name («ru-mosreg», or the file's stem)
    std::vector<Finding> findings;            // in rule order, then in archive order
    std::vector<std::string> not_applicable;  // rule ids whose data this archive lacks
    std::vector<std::string> rules_run;       // rule ids that ran (enabled and applicable)
    std::map<std::string, std::string> why_not_applicable;  // rule id → what is missing (Russian)
    std::vector<std::pair<std::string, double>> rule_seconds;  // time each rule that ran took

    Summary summary() const;
    bool has_errors() const { return summary().error > 0; }
    // One JSON object exactly as docs/contract.md: profile, findings, not_applicable, summary.
    std::string to_json() const;
};

}  // namespace jb::validate
