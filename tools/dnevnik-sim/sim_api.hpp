#pragma once
#include <map>
#include <string>
#include <vector>

#include "tools/dnevnik-sim/sim_school.hpp"

namespace jb::dnevnik_sim {

struct Answer {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
};

using Query = std::multimap<std::string, std::string>;

// The v2 API over the data set: `path` as sent (/v2/… or /v2.0/…), query decoded. Unknown paths
// get the platform's 404 error body; a window outside the data gets `[]`.
Answer answer(const SimSchool& school, const std::string& path, const Query& query);
// The same for a request target as whole_year_paths() lists them: a path with its query.
Answer answer_to_target(const SimSchool& school, const std::string& target);

// The requests a full export makes when each class's year is one window: what --dump-har serves.
// In that order: the school's, each group's, and the closing dictionaries.
std::vector<std::string> whole_year_paths(const SimSchool& school);
std::vector<std::string> school_paths(const SimSchool& school);
std::vector<std::string> group_paths(const SimSchool& school, const SimGroup& group);
std::vector<std::string> closing_paths();

}  // namespace jb::dnevnik_sim
