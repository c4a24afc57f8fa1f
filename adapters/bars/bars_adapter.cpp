#include <string_view>

#include "adapters/bars/bars_capture.hpp"
#include "adapters/bars/bars_reader.hpp"
#include "core/adapter.hpp"
#include "core/har.hpp"

namespace jb::bars {
namespace {

AdapterInfo make_info() {
    AdapterInfo info;
    info.name = "bars";
    info.platform = "«БАРС.Образование – Электронная школа», incl. О7 (school.07.edu.o7.com)";
    info.version = "1";
    info.reads = info.offline = true;
    info.entities = {"school", "school_year", "period", "subject", "subject_alias", "person", "person_role",
                     "guardianship", "class", "enrolment", "teaching_assignment", "lesson", "lesson_teacher",
                     "work", "mark", "attendance", "final_mark", "source_id"};
    info.inputs = {"a HAR of the web JSON API (/api/ProfileService, ScheduleService/GetDiary, MarkService/"
                   "GetSummaryMarks and GetTotalMarks, SchoolService, HomeworkService)",
                   "a HAR of the older mobile API (/rest/login, /rest/diary, /rest/totals)"};
    return info;
}

// A HAR whose first bytes name БАРС journal calls, or a БАРС host (o7.com, «/personal-area/»).
Confidence identify_head(std::string_view head) {
    if (!har::looks_like_har(head)) return Confidence::no;
    for (std::string_view call : {"/api/ProfileService/", "/api/ScheduleService/", "/api/MarkService/",
                                  "/api/SchoolService/", "/api/HomeworkService/", "/rest/diary", "/rest/totals",
                                  "/rest/login"})
        if (head.find(call) != std::string_view::npos) return Confidence::certain;
    for (std::string_view hint : {".edu.o7.com/", "/personal-area/"})
        if (head.find(hint) != std::string_view::npos) return Confidence::maybe;
    return Confidence::no;
}

class BarsAdapter : public Adapter {
public:
    const AdapterInfo& info() const override {
        static const AdapterInfo info = make_info();
        return info;
    }

    Confidence identify(const InputProbe& probe) const override {
        return probe.is_directory ? Confidence::no : identify_head(probe.head);
    }

    void read(const std::string& input, const ReadContext& context, Sink& sink) const override {
        const EntryWalk walk = [&](const std::function<void(const har::Entry&)>& on_entry) {
            har::read_entries(input, on_entry);
        };
        read_capture(walk, input, context, sink);
    }
};

}  // namespace
}  // namespace jb::bars

using jb::bars::BarsAdapter;
JBRIDGE_REGISTER_ADAPTER(BarsAdapter);
