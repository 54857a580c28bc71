import { FormattedMessage } from "react-intl";
import { isStateCode, stateName } from "../../../core/un/states";
import { useT } from "../../i18n/i18n-provider";

/**
 * Said above the Library tab's search when the library holds nothing on the draft's State: the
 * results are on every State, and the way to add the State's own is an import of the
 * recommendations UHRI or UPR Info publish (the import page knows both layouts).
 */
export function StateNotCovered({ stateCode, importHref }: { stateCode: string; importHref: string | null }) {
  const { t, locale } = useT();
  const name = isStateCode(stateCode) ? stateName(stateCode, locale) : stateCode;
  return (
    <div className="alert alert-info library-not-covered" role="note">
      <p className="alert-title">{t("library.notCovered.title", { state: name })}</p>
      <div className="alert-body small">
        <p>{t("library.notCovered.everyState")}</p>
        {importHref ? (
          <p>
            <FormattedMessage id="library.notCovered.import" values={{ state: name, link: (chunks) => <a href={importHref}>{chunks}</a> }} />
          </p>
        ) : (
          <p>{t("library.notCovered.askEditor", { state: name })}</p>
        )}
      </div>
    </div>
  );
}
