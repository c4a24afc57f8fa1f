#pragma once
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/validate/finding.hpp"

namespace jb::validate {

class RuleContext;

enum class ParamType { integer, real, boolean, text, list, integer_list };

// A number or list of rules.md that a profile may set: its name in the profile and its default.
struct ParamSpec {
    std::string_view name;
    ParamType type;
    std::string_view default_text = {};              // scalars
    std::vector<std::string_view> default_list = {};  // lists
};

// Data a rule needs: when `exists_sql` (SELECT EXISTS(…)) finds nothing, the rule is not applicable.
struct Need {
    std::string_view what;        // in Russian, for messages
    std::string_view exists_sql;  // empty: never available here (needs two archives)
};

// One rule of docs/rules.md.
struct RuleSpec {
    std::string_view id;
    std::string_view sources;  // clauses of the seeds, "003 §4.8"
    std::string_view title;    // Russian, one line
    Severity default_severity;
    std::vector<ParamSpec> params;
    std::vector<Need> needs;
    void (*run)(RuleContext& context) = nullptr;

    const ParamSpec* param(std::string_view name) const;
};

// Every rule `jbridge validate` knows, in the order of rules.md.
std::span<const RuleSpec> all_rules();
const RuleSpec* find_rule(std::string_view id);

}  // namespace jb::validate
