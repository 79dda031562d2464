import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoon } from '../../shared/coming-soon/coming-soon';

@Component({
  selector: 'app-models-page',
  imports: [ComingSoon],
  template: `<app-coming-soon
    heading="Models"
    description="Edit and deploy the BPMN process and DMN decision models."
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModelsPage {}
