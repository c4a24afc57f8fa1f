#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace jb::har {
struct Entry;
}

// Which Dnevnik v2 endpoint a HAR entry is, recognised by its path after `/v2/` or `/v2.0/`
// (any prefix before it, as on instances that serve the API under a sub-path).
namespace jb::dnevnik {

enum class Endpoint {
    none,              // not a v2 request, or one the adapter does not read
    context,           // users/{u}/context
    user,              // users/{u}
    school,            // schools/{s}
    schools,           // schools?schools=…, schools/person-schools
    edu_groups,        // schools/{s}/edu-groups, edu-groups?eduGroups=…, persons/{p}/…/edu-groups
    edu_group,         // edu-groups/{g}
    group_persons,     // edu-groups/{g}/persons, …/students, persons?eduGroup={g}
    group_teachers,    // edu-groups/{g}/teachers
    class_teacher,     // edu-groups/{g}/classteacher
    school_teachers,   // schools/{s}/teachers (PascalCase)
    reporting_periods, // edu-groups/{g}/reporting-periods
    period_group,      // edu-groups/{g}/reporting-period-group (or reporting-periods-group)
    work_types,        // work-types/{s}
    subjects,          // edu-groups/{g}/subjects, schools/{s}/subjects
    lessons,           // edu-groups/{g}/lessons/{from}/{to}, …/subjects/{s}/lessons/…, lessons/{l}, POST lessons/many
    marks,             // edu-groups/{g}/marks/{from}/{to}, …/subjects/{s}/marks/…, persons/{p}/edu-groups/{g}/marks/…
    log_entries,       // lesson-log-entries/group/{g}, lessons/{l}/log-entries, lesson-log-entries?lessons=…
    final_marks,       // edu-groups/{g}/final-marks
    all_final_marks,   // persons/{p}/edu-groups/{g}/allfinalmarks
    mark_values,       // marks/values
    statuses,          // lesson-log-entries/statuses
};

struct Request {
    Endpoint endpoint = Endpoint::none;
    bool is_v2 = false;        // the path has /v2/ or /v2.0/ (a Dnevnik API request at all)
    std::int64_t school = 0;   // ids named by the path or query (0: not named)
    std::int64_t group = 0;
    std::int64_t person = 0;
    std::int64_t subject = 0;
};

Request classify(const har::Entry& entry);

// Whether the body of this endpoint is read in the first pass (the directory of schools, groups,
// people, periods, lessons and works) or in the second (marks, attendance, final marks).
bool is_fact_endpoint(Endpoint endpoint);

}  // namespace jb::dnevnik
