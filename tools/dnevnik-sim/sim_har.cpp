#include "tools/dnevnik-sim/sim_har.hpp"

#include "core/net/har_writer.hpp"
#include "core/url.hpp"
#include "tools/dnevnik-sim/sim_api.hpp"

namespace jb::dnevnik_sim {
namespace {

void add_entries(const SimSchool& school, const std::vector<std::string>& targets, net::HarWriter& har, HarCounts& counts) {
    std::string started = std::to_string(school.year + 1) + "-06-15T10:00:00.000Z";
    for (const std::string& target : targets) {
        std::size_t question = target.find('?');
        std::string path_only = target.substr(0, question);
        Query query;
        if (question != std::string::npos)
            for (const auto& [name, value] : parse_url("http://x" + target).query) query.emplace(name, value);
        Answer answer = dnevnik_sim::answer(school, path_only, query);
        net::Request request;
        request.url = "https://api.school.mosreg.ru" + target;
        request.headers = {{"Accept", "application/json"}, {"Access-Token", "invented"}};
        net::Response response;
        response.status = answer.status;
        response.status_text = answer.status == 200 ? "OK" : "Error";
        response.headers = {{"Content-Type", answer.content_type}};
        response.body = std::move(answer.body);
        response.started = started;
        std::string line = net::har_entry_line(request, response);
        counts.bytes += static_cast<std::int64_t>(line.size()) + 2;
        ++counts.entries;
        har.add(line);
    }
}

}  // namespace

HarCounts write_whole_year_har(int year, std::uint64_t seed, int quarters, const SimScale& scale, const std::string& path,
                               const std::function<void(int done, int classes)>& on_class) {
    SimSchoolBuilder builder(year, seed, quarters, scale);
    net::HarWriter har(path);
    HarCounts counts;
    SimSchool view = builder.header();
    add_entries(view, school_paths(view), har, counts);
    int done = 0;
    while (!builder.done()) {
        view.groups = builder.next_class();
        for (const SimGroup& group : view.groups) {
            counts.lessons += static_cast<std::int64_t>(group.lessons.size());
            counts.marks += static_cast<std::int64_t>(group.marks.size());
            for (const auto& [person, finals] : group.all_final_marks) counts.marks += static_cast<std::int64_t>(finals["marks"].size());
            add_entries(view, group_paths(view, group), har, counts);
        }
        if (on_class) on_class(++done, scale.classes);
    }
    view.groups.clear();
    add_entries(view, closing_paths(), har, counts);
    har.commit();
    return counts;
}

}  // namespace jb::dnevnik_sim
