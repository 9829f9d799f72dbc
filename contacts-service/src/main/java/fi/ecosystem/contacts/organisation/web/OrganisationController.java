package fi.ecosystem.contacts.organisation.web;

import fi.ecosystem.contacts.api.OrganisationResponse;
import fi.ecosystem.contacts.organisation.Organisation;
import fi.ecosystem.contacts.organisation.OrganisationService;
import fi.ecosystem.contacts.organisation.OrganisationType;
import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.organisations.BusinessId;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organisations")
@Tag(name = "Organisations", description = "Organisations linked to the projects of the caller's cities; others answer 404")
@SecurityRequirement(name = "keycloak")
class OrganisationController {

    private final OrganisationService organisations;

    OrganisationController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    record Name(@Size(max = 300) String fi, @Size(max = 300) String sv, @Size(max = 300) String en) {
    }

    record Address(@Size(max = 200) String street, @Pattern(regexp = "\\d{5}") String postalCode, @Size(max = 100) String city) {
    }

    record OrganisationBody(
            @NotNull OrganisationType type,
            @NotNull @Valid Name name,
            @Size(max = 9) String businessId,
            @Pattern(regexp = "\\d{3}") String municipalityNumber,
            @Valid Address address,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+") String website,
            @Size(max = 100) String parentId,
            @NotEmpty @Size(max = 200) Set<@Size(max = 100) String> projectIds) {

        /** The business ID's check digit, checked with the other fields so the answer names the field. */
        @AssertTrue(message = "must be a Finnish business ID (Y-tunnus) 1234567-8 with a correct check digit")
        boolean isBusinessId() {
            return businessId == null || businessId.isBlank() || BusinessId.isValid(businessId);
        }
    }

    /** An organisation as the API's record says it (contacts-api). */
    static OrganisationResponse response(Organisation organisation) {
        Organisation.Address address = organisation.address();
        return new OrganisationResponse(organisation.id(),
                organisation.type() == null ? null : fi.ecosystem.contacts.api.OrganisationType.valueOf(organisation.type().name()),
                organisation.name(), organisation.businessId(), organisation.municipalityNumber(),
                address == null ? null : new OrganisationResponse.Address(address.street(), address.postalCode(), address.city()),
                organisation.website(), organisation.parentId(), organisation.projectIds());
    }

    @GetMapping
    @Operation(summary = "Organisations linked to the caller's cities' projects")
    ItemsPage<OrganisationResponse> list(@Parameter(hidden = true) CityUser user,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return Pages.of(organisations.list(user, PageRequest.of(page, size, Sort.by("name.fi", "_id"))),
                OrganisationController::response);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation")
    OrganisationResponse get(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return response(organisations.get(user, id));
    }

    @PostMapping
    @Operation(summary = "Add an organisation to projects of the caller's city", description = "Staff, project managers and admins of a city of those projects; integrators need contacts:write. "
            + "Announced as organisation.changed on the organisations topic")
    ResponseEntity<OrganisationResponse> create(@Parameter(hidden = true) CityUser user, @Valid @RequestBody OrganisationBody body) {
        Organisation organisation = organisations.create(user, body.type(), text(body.name()), body.businessId(),
                body.municipalityNumber(), address(body.address()), body.website(), body.parentId(), body.projectIds());
        return ResponseEntity.created(URI.create("/api/organisations/" + organisation.id())).body(response(organisation));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an organisation")
    OrganisationResponse change(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @Valid @RequestBody OrganisationBody body) {
        return response(organisations.change(user, id, body.type(), text(body.name()), body.businessId(),
                body.municipalityNumber(), address(body.address()), body.website(), body.parentId(), body.projectIds()));
    }

    private static LocalizedText text(Name name) {
        return new LocalizedText(name.fi(), name.sv(), name.en());
    }

    private static Organisation.Address address(Address address) {
        return address == null ? null : new Organisation.Address(address.street(), address.postalCode(), address.city());
    }
}
