#include "core/validate/finding.hpp"

#include <nlohmann/json.hpp>

#include "core/entities.hpp"

namespace jb::validate {

std::string_view severity_name(Severity severity) {
    switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
    }
    return "warning";
}

bool parse_severity(std::string_view text, Severity& out) {
    for (Severity s : {Severity::info, Severity::warning, Severity::error}) {
        if (severity_name(s) == text) {
            out = s;
            return true;
        }
    }
    return false;
}

std::array<std::pair<std::string_view, const EntityRef*>, 11> Where::entities() const {
    return {{{"class", &school_class},
             {"subject", &subject},
             {"teacher", &teacher},
             {"student", &student},
             {"period", &period},
             {"lesson", &lesson},
             {"work", &work},
             {"mark", &mark},
             {"attendance", &attendance},
             {"final_mark", &final_mark},
             {"person", &person}}};
}

Summary ValidationResult::summary() const {
    Summary s;
    for (const Finding& f : findings) {
        switch (f.severity) {
        case Severity::error: ++s.error; break;
        case Severity::warning: ++s.warning; break;
        case Severity::info: ++s.info; break;
        }
    }
    return s;
}

std::string ValidationResult::to_json() const {
    using json = nlohmann::ordered_json;
    json out = json::object();
    out["profile"] = profile;
    json list = json::array();
    for (const Finding& f : findings) {
        json where = json::object();
        for (const auto& [key, entity] : f.where.entities()) {
            if (entity->empty()) continue;
            if (entity->id != 0) where[std::string(key) + "_id"] = id_to_hex(entity->id);
            if (!entity->name.empty()) where[std::string(key)] = entity->name;
        }
        if (!f.where.date.empty()) where["date"] = f.where.date;
        for (const auto& [key, value] : f.where.details) where[key] = value;
        json item = json::object();
        item["rule"] = f.rule;
        item["severity"] = severity_name(f.severity);
        item["message"] = f.message;
        item["where"] = std::move(where);
        list.push_back(std::move(item));
    }
    out["findings"] = std::move(list);
    out["not_applicable"] = not_applicable;
    Summary s = summary();
    out["summary"] = json{{"error", s.error}, {"warning", s.warning}, {"info", s.info}};
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace jb::validate
