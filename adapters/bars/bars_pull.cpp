// The online half of the bars adapter: signs in (password form or a pasted sessionid), reads the
// account's children from ProfileService and then, child after child, selects the child
// (SetChild) and fetches what the offline importer reads: class and school, period marks, the
// diary and homework week by week, and the summary marks of every subperiod. Only the modern
// /api/ generation is asked; the old mobile /rest/ API is left to captures.
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "adapters/bars/bars_pull_auth.hpp"
#include "core/error.hpp"
#include "core/net/date_windows.hpp"
#include "core/net/puller.hpp"
#include "core/net/scrub.hpp"
#include "core/net/session.hpp"
#include "core/url.hpp"

namespace jb {
namespace {

using net::Request;
using net::Response;

constexpr int kMaxSignInsPerStep = 3;

class Api {
public:
    explicit Api(std::string base) : base_(std::move(base)) {}
    Request get(const std::string& method, const std::string& query = "") const {
        Request request;
        request.url = base_ + "/api/" + method + (query.empty() ? "" : "?" + query);
        request.expects_json = false;  // see bars::worth_retrying
        request.headers = {{"Accept", "application/json"}, {"X-Requested-With", "XMLHttpRequest"}};
        return request;
    }
    Request set_child(const std::string& child_id) const {
        Request request = get("ProfileService/SetChild");
        request.method = "POST";
        request.body = "selected=" + percent_encode(child_id);
        request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        return request;
    }
    const std::string& base() const { return base_; }

private:
    std::string base_;
};

nlohmann::json parse_json(const net::Exchange& exchange) {
    nlohmann::json doc = nlohmann::json::parse(exchange.response.body, nullptr, false);
    if (doc.is_discarded())
        throw Error(net::scrub_url(exchange.request.url) + ": the answer is not JSON where JSON was expected");
    return doc;
}

std::string id_text(const nlohmann::json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    return "";
}

struct Account {
    std::vector<std::string> children;  // person ids in the server's order
    bool parent = false;                // several pupils behind one sign-in: switch with SetChild
};

Account account_of(const nlohmann::json& person) {
    Account account;
    if (person.is_object() && person.contains("children_persons") && person["children_persons"].is_array())
        for (const auto& child : person["children_persons"])
            if (child.is_object() && child.contains("person_id"))
                if (std::string id = id_text(child["person_id"]); !id.empty()) account.children.push_back(id);
    account.parent = !account.children.empty();
    if (!account.parent && person.is_object() && person.contains("selected_pupil_id"))
        if (std::string id = id_text(person["selected_pupil_id"]); !id.empty()) account.children.push_back(id);
    return account;
}

bool is_iso_date(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

// The summary answer's subperiod code and the last school day it lists ("" when it lists none;
// dates in another format are not used).
std::pair<std::string, std::string> summary_span(const nlohmann::json& answer) {
    const nlohmann::json* doc = &answer;
    if (answer.is_object() && answer.contains("summary_marks_data") && answer["summary_marks_data"].is_array() &&
        !answer["summary_marks_data"].empty())
        doc = &answer["summary_marks_data"].front();
    std::string code, last;
    if (!doc->is_object()) return {code, last};
    if (doc->contains("subperiod") && (*doc)["subperiod"].is_object())
        code = id_text((*doc)["subperiod"].value("code", nlohmann::json()));
    if (doc->contains("dates") && (*doc)["dates"].is_array())
        for (const auto& date : (*doc)["dates"])
            if (date.is_string() && is_iso_date(date.get<std::string>()) && date.get<std::string>().substr(0, 10) > last)
                last = date.get<std::string>().substr(0, 10);
    return {code, last};
}

class Walk {
public:
    Walk(const net::PullTarget& target, net::Session& session) : target_(target), session_(session), api_(target.base_url) {}

    void run() {
        session_.set_answer_check(bars::check_answer);
        session_.set_retry_predicate(bars::worth_retrying);
        if (target_.login.empty())
            bars::use_pasted_session(api_.base(), target_.secret, session_);
        else
            sign_in();

        const net::Exchange person = again_if_expired("", [&] {
            return session_.fetch_one(api_.get("ProfileService/GetPersonData"));
        });
        const Account account = account_of(parse_json(person));
        if (account.children.empty())
            throw Error(net::scrub_url(person.request.url) +
                        ": the account has neither children (children_persons) nor a selected pupil; nothing to pull");
        for (const std::string& child : account.children) pull_child(child, account.parent);
    }

private:
    // One child's requests stay together after its SetChild: the importer gives every answer to
    // the child selected last in capture order. The SetChild of the capture may be replayed from
    // an interrupted run, so the server is told the selection live first.
    void pull_child(const std::string& child, bool parent) {
        const std::string selected = parent ? child : "";
        again_if_expired(selected, [&] {
            if (parent) session_.fetch_one(api_.set_child(child));
            std::vector<Request> requests{variant(api_.get("SchoolService/getClassYearInfo"), child),
                                          variant(api_.get("SchoolService/getSchoolInfo"), child),
                                          variant(api_.get("MarkService/GetTotalMarks"), child)};
            const std::string first = std::to_string(target_.year) + "-09-01";
            const std::string last = std::to_string(target_.year + 1) + "-06-30";
            for (const auto& week : net::date_windows(first, last, "week")) {
                requests.push_back(variant(api_.get("ScheduleService/GetDiary", "date=" + week.from + "&is_diary=true"), child));
                requests.push_back(variant(api_.get("HomeworkService/GetHomeworkFromRange", "date=" + week.from), child));
            }
            session_.fetch(requests);
            summary_marks(child, first, last);
        });
    }

    // GetSummaryMarks answers for the subperiod containing `date` (the dates it lists are its school
    // days): ask from the first day of the year, then from the day after each subperiod's last day.
    void summary_marks(const std::string& child, const std::string& first, const std::string& last) {
        std::set<std::string> seen;
        const int end = net::days_from_iso(last);
        for (int day = net::days_from_iso(first); day <= end;) {
            const net::Exchange answer = session_.fetch_one(
                variant(api_.get("MarkService/GetSummaryMarks", "date=" + net::iso_from_days(day)), child));
            const auto [code, last_day] = summary_span(parse_json(answer));
            const bool new_period = !code.empty() && seen.insert(code).second;
            const int after = last_day.empty() ? day : net::days_from_iso(last_day) + 1;
            day = new_period && after > day ? after : day + 7;
        }
    }

    Request variant(Request request, const std::string& child) const {
        request.journal_variant = "child " + child;
        return request;
    }

    // Runs `step`; when the session has ended, signs in again (with a password) and repeats the
    // step: what it finished is replayed from the journal, the rest is asked. With a pasted
    // sessionid the pull stops; a rerun with a fresh cookie continues.
    template <typename Step>
    auto again_if_expired(const std::string& child, Step step) -> decltype(step()) {
        for (int sign_ins = 0;; ++sign_ins) {
            try {
                if (!child.empty()) select_live(child);
                return step();
            } catch (const bars::SessionExpired& expired) {
                if (target_.login.empty())
                    throw net::AuthError(std::string(expired.what()) +
                                         ": the session has ended. Copy a fresh sessionid from the browser and run the "
                                         "same command again; requests already answered are kept and not asked again");
                if (sign_ins >= kMaxSignInsPerStep)
                    throw net::AuthError(std::string(expired.what()) + ": the session ended again right after " +
                                         std::to_string(sign_ins) + " fresh sign-ins; stopping. Run the same command "
                                         "later to continue");
                sign_in();
            }
        }
    }

    // The sign-in's pages are HTML: the API's retry predicate must not apply to them.
    void sign_in() {
        session_.set_retry_predicate({});
        bars::sign_in(api_.base(), target_, session_);
        session_.set_retry_predicate(bars::worth_retrying);
    }

    // Selects the child on the server, outside the capture (the capture's own SetChild follows).
    void select_live(const std::string& child) {
        const Request request = api_.set_child(child);
        const Response answer = session_.send_unrecorded(request);
        bars::check_answer(request, answer);
    }

    const net::PullTarget& target_;
    net::Session& session_;
    Api api_;
};

class BarsPuller : public net::Puller {
public:
    std::string_view name() const override { return "bars"; }
    std::string_view secret_name() const override { return "sessionid cookie"; }
    void pull(const net::PullTarget& target, net::Session& session) const override { Walk(target, session).run(); }
};

JBRIDGE_REGISTER_PULLER(BarsPuller);

}  // namespace
}  // namespace jb
