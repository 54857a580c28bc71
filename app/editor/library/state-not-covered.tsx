import { isStateCode, stateName } from "../../../core/un/states";
import { useT } from "../../i18n/i18n-provider";

/**
 * Said above the Library tab's search when the library holds nothing on the draft's State: the
 * results are on every State, and the way to add the State's own is an import of the
 * recommendations UHRI or UPR Info publish (the import page knows both layouts).
 */
export function StateNotCovered({ stateCode, importHref }: { stateCode: string; importHref: string | null }) {
  const { locale } = useT();
  const name = isStateCode(stateCode) ? stateName(stateCode, locale) : stateCode;
  return (
    <div className="alert alert-info library-not-covered" role="note">
      <p className="alert-title">The library has nothing on {name} yet</p>
      <div className="alert-body small">
        <p>These results are on every State.</p>
        {importHref ? (
          <p>
            <a href={importHref}>Import a UHRI or UPR Info export</a> to add the recommendations made to {name}.
          </p>
        ) : (
          <p>Someone who may edit this workspace can import the recommendations made to {name} from a UHRI or UPR Info export.</p>
        )}
      </div>
    </div>
  );
}
